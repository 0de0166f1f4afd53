import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

describe('sample-dataset generator', () => {
  it('is deterministic: regenerating gives the committed data.ndjson byte for byte', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'laomo-seed-'))
    execFileSync(process.execPath, ['studio/scripts/generate-seed.ts', out], { stdio: 'pipe' })
    const committed = readFileSync('studio/seed/data.ndjson', 'utf8')
    expect(readFileSync(path.join(out, 'data.ndjson'), 'utf8')).toBe(committed)
    // Image pixels depend on the fonts installed; the set of files must not.
    expect(readdirSync(path.join(out, 'images')).sort()).toEqual(readdirSync('studio/seed/images').sort())
  })
})
