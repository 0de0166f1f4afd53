import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkRelease, REQUIRED } from './health'

function release(pages: string[], required = true) {
  const dir = mkdtempSync(path.join(tmpdir(), 'laomo-health-'))
  const files = [...(required ? REQUIRED : []), ...pages.map((p) => `client${p}index.html`)]
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), 'x')
  }
  return dir
}

describe('release health check', () => {
  it('passes a release that has every page the live one has', () => {
    const live = release(['/talks/t-1/', '/workers/李明/'])
    const next = release(['/talks/t-1/', '/workers/李明/', '/talks/t-2/'])
    expect(checkRelease(next, live, [])).toMatchObject({ ok: true, problems: [] })
  })

  it('fails a release that lost a page, naming it', () => {
    const live = release(['/talks/t-1/', '/talks/t-2/'])
    const next = release(['/talks/t-1/'])
    const report = checkRelease(next, live, [])
    expect(report.ok).toBe(false)
    expect(report.problems).toEqual(['页面缺失：/talks/t-2/'])
  })

  it('lets the pages of deleted or renamed documents go, and only those', () => {
    const live = release(['/talks/t-1/', '/workers/李明/', '/workers/王芳/'])
    const next = release(['/talks/t-1/', '/workers/王芳/'])
    expect(checkRelease(next, live, ['/workers/李明/']).ok).toBe(true)
    // Another document's path that happens to begin the same way does not excuse the loss.
    expect(checkRelease(next, live, ['/workers/李/']).ok).toBe(false)
  })

  it('fails a release missing what every site has, even with nothing live yet', () => {
    const report = checkRelease(release(['/talks/t-1/'], false), null, [])
    expect(report.ok).toBe(false)
    expect(report.problems).toContain('缺少必需文件 client/index.html')
  })
})
