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
  it('passes a release that has every page the live one has', async () => {
    const live = release(['/talks/t-1/', '/workers/李明/'])
    const next = release(['/talks/t-1/', '/workers/李明/', '/talks/t-2/'])
    expect(await checkRelease(next, live, [])).toMatchObject({ ok: true, problems: [] })
  })

  it('fails a release that lost a page, naming it', async () => {
    const live = release(['/talks/t-1/', '/talks/t-2/'])
    const next = release(['/talks/t-1/'])
    const report = await checkRelease(next, live, [])
    expect(report.ok).toBe(false)
    expect(report.problems).toEqual(['页面缺失：/talks/t-2/'])
  })

  it('takes the live pages its own check found, and gives the release’s for the next check', async () => {
    const live = release(['/talks/t-1/', '/talks/t-2/'])
    const first = await checkRelease(live, null, [])
    expect([...first.paths]).toEqual(expect.arrayContaining(['/talks/t-1/', '/talks/t-2/']))
    const next = release(['/talks/t-1/'])
    expect((await checkRelease(next, live, [], first.paths)).problems).toEqual(['页面缺失：/talks/t-2/'])
    // The set is what is compared (a sealed release does not change): the tree is not walked again.
    expect((await checkRelease(next, live, [], new Set(['/talks/t-1/']))).ok).toBe(true)
  })

  it('lets the pages of deleted or renamed documents go, and only those', async () => {
    const live = release(['/talks/t-1/', '/workers/李明/', '/workers/王芳/'])
    const next = release(['/talks/t-1/', '/workers/王芳/'])
    expect((await checkRelease(next, live, ['/workers/李明/'])).ok).toBe(true)
    // Another document's path that happens to begin the same way does not excuse the loss.
    expect((await checkRelease(next, live, ['/workers/李/'])).ok).toBe(false)
  })

  it('lets a talk’s poster go while the talk’s page stays (the talk has taken place)', async () => {
    const live = release(['/talks/t-1/', '/talks/t-1/poster/', '/talks/t-2/', '/talks/t-2/poster/'])
    expect((await checkRelease(release(['/talks/t-1/', '/talks/t-2/']), live, [])).ok).toBe(true)
    // The talk gone with its poster is a lost page; so is any other page below the talk.
    const lost = await checkRelease(release(['/talks/t-1/']), live, [])
    expect(lost.problems).toEqual(['页面缺失：/talks/t-2/', '页面缺失：/talks/t-2/poster/'])
    const other = release(['/talks/t-1/', '/talks/t-1/poster/', '/talks/t-1/photos/'])
    expect((await checkRelease(release(['/talks/t-1/', '/talks/t-1/poster/']), other, [])).ok).toBe(false)
  })

  it('lets a page of a split list go (a month whose last talk moved), and no other page', async () => {
    const live = release(['/talks/t-1/', '/talks/2026/03/', '/talks/2026/04/2/', '/photos/page/3/'])
    expect((await checkRelease(release(['/talks/t-1/']), live, [])).ok).toBe(true)
    expect((await checkRelease(release(['/talks/2026/03/']), live, [])).problems).toEqual(['页面缺失：/talks/t-1/'])
  })

  it('with a fast publish’s change set, finds the release’s pages without walking it', async () => {
    const live = release(['/talks/t-1/', '/talks/t-1/poster/', '/talks/t-2/', '/workers/李明/'])
    const { paths } = await checkRelease(live, null, [])
    // An empty tree (but what every site has): the pages come from the live ones and the change set alone.
    const next = release([])
    const changes = { written: ['talks/t-3/index.html', 'index.html'], removed: ['talks/t-1/poster/index.html'] }
    const report = await checkRelease(next, live, [], paths, changes)
    const expected = [...paths].filter((p) => p !== '/talks/t-1/poster/').concat('/talks/t-3/')
    expect(report).toMatchObject({ ok: true, pages: expected.length })
    expect([...report.paths].sort()).toEqual(expected.sort())
    const lost = await checkRelease(next, live, [], paths, { written: [], removed: ['workers/李明/index.html'] })
    expect(lost.problems).toEqual(['页面缺失：/workers/李明/'])
  })

  it('fails a release missing what every site has, even with nothing live yet', async () => {
    const report = await checkRelease(release(['/talks/t-1/'], false), null, [])
    expect(report.ok).toBe(false)
    expect(report.problems).toContain('缺少必需文件 client/index.html')
  })
})
