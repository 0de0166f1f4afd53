import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { resolveStatic } from './static-files.ts'

const root = mkdtempSync(path.join(tmpdir(), 'laomo-static-'))
mkdirSync(path.join(root, 'talks/甘肃'), { recursive: true })
writeFileSync(path.join(root, 'index.html'), '')
writeFileSync(path.join(root, 'talks/甘肃/index.html'), '')
writeFileSync(path.join(root, 'talks/points.json'), '')
writeFileSync(path.join(path.dirname(root), 'laomo-outside.txt'), '')
afterAll(() => {
  rmSync(root, { recursive: true, force: true })
  rmSync(path.join(path.dirname(root), 'laomo-outside.txt'), { force: true })
})

describe('resolveStatic', () => {
  it('finds a file, or a folder’s index.html, with the query and fragment ignored and the path decoded', () => {
    expect(resolveStatic(root, '/')).toBe(path.join(root, 'index.html'))
    expect(resolveStatic(root, '/talks/points.json?v=abc#x')).toBe(path.join(root, 'talks/points.json'))
    expect(resolveStatic(root, `/talks/${encodeURIComponent('甘肃')}/`)).toBe(path.join(root, 'talks/甘肃/index.html'))
  })

  it('answers null for what is missing or outside the root', () => {
    expect(resolveStatic(root, '/talks/')).toBeNull()
    expect(resolveStatic(root, '/nothing.html')).toBeNull()
    expect(resolveStatic(root, '/../laomo-outside.txt')).toBeNull()
    expect(resolveStatic(root, '/%2e%2e/laomo-outside.txt')).toBeNull()
  })
})
