/** One publish with a stand-in build (files written as a build would): switch, keep, after-switch, failures. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BuildResult, IndexResult } from './build'
import type { Queued } from './delivery'
import { REQUIRED } from './health'
import { createPublisher } from './publisher'
import { openReleases } from './releases'
import { openStatus } from './status'

/** Writes what every release must have, plus `pages`, and says ok (or fails with a reason). */
const fakeBuild =
  (pages: string[], ok = true, withIndex = true) =>
  async (outDir: string): Promise<BuildResult> => {
    const required = REQUIRED.filter((f) => withIndex || !f.startsWith('client/pagefind/'))
    for (const file of [...required, ...pages.map((p) => `client${p}index.html`)]) {
      mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true })
      writeFileSync(path.join(outDir, file), file)
    }
    return ok
      ? { ok, warnings: ['talk t-2: field "location" is missing'], log: '' }
      : { ok, reason: '构建出错', warnings: [], log: '' }
  }

const delivery = (id: string, operation: 'update' | 'delete' = 'update'): Queued => ({
  key: `k-${id}-${operation}`,
  delivery: { _id: id, _type: 'talk', operation },
})

function setup(afterSwitch?: string) {
  const root = mkdtempSync(path.join(tmpdir(), 'laomo-publisher-'))
  const releases = openReleases(root)
  const status = openStatus(root)
  const lines: string[] = []
  const publisher = (build: (dir: string) => Promise<BuildResult>, index?: (dir: string) => Promise<IndexResult>) =>
    createPublisher({ releases, status, build, index, keep: 2, afterSwitch, log: (l) => lines.push(l) })
  return { releases, status, publisher, lines }
}

describe('publisher', () => {
  it('switches to a good release, records its warnings, and runs the after-switch command with its folder', async () => {
    const synced = path.join(mkdtempSync(path.join(tmpdir(), 'laomo-synced-')), 'synced.txt')
    const { releases, status, publisher } = setup(`echo "$LAOMO_RELEASE_DIR" > ${synced}`)
    await status.update((s) => s.pending.push(delivery('t-1')))
    await publisher(fakeBuild(['/talks/t-1/']))([delivery('t-1')])
    const live = releases.current()!
    expect(status.read()).toMatchObject({ current: live, pending: [] })
    expect(status.read().builds[0]).toMatchObject({
      result: 'live',
      documents: ['t-1'],
      warnings: ['talk t-2: field "location" is missing'],
    })
    expect(readFileSync(synced, 'utf8').trim()).toBe(releases.dirOf(live))
  })

  it('reports a failed after-switch command and keeps the release live', async () => {
    const { releases, status, publisher, lines } = setup('echo "bucket unreachable" >&2; exit 3')
    await publisher(fakeBuild(['/talks/t-1/']))([delivery('t-1')])
    expect(status.read().builds[0]).toMatchObject({ result: 'live', afterSwitchError: '退出码 3：bucket unreachable' })
    expect(releases.current()).toBe(status.read().builds[0]!.release)
    expect(lines.join('\n')).toContain('after-switch command failed')
  })

  it('leaves the live release when the build fails or would lose a page, and says why', async () => {
    const { releases, status, publisher } = setup()
    await publisher(fakeBuild(['/talks/t-1/', '/talks/t-2/']))([delivery('t-1')])
    const live = releases.current()
    await publisher(fakeBuild([], false))([delivery('t-1')])
    expect(status.read().builds[0]).toMatchObject({ result: 'failed', reason: '构建出错' })
    await publisher(fakeBuild(['/talks/t-1/']))([delivery('t-1')])
    expect(status.read().builds[0]!.reason).toContain('页面缺失：/talks/t-2/')
    expect(releases.current()).toBe(live)
    // A deletion lets its page go.
    await publisher(fakeBuild(['/talks/t-1/']))([delivery('t-2', 'delete')])
    expect(releases.current()).not.toBe(live)
    expect(releases.list().length).toBeLessThanOrEqual(3)
  })

  it('builds in the one build folder, and nothing a failed build left there reaches the next release', async () => {
    const { releases, status, publisher } = setup()
    const into: string[] = []
    const build =
      (pages: string[], ok = true) =>
      (dir: string) => (into.push(dir), fakeBuild(pages, ok)(dir))
    await publisher(build(['/talks/t-1/']))([delivery('t-1')])
    await publisher(build(['/talks/t-1/', '/talks/stale/'], false))([delivery('t-1')])
    await publisher(build(['/talks/t-1/', '/talks/t-3/']))([delivery('t-3')])
    expect(new Set(into)).toEqual(new Set([releases.buildDir]))
    const live = releases.dirOf(releases.current()!)
    expect(existsSync(path.join(live, 'client/talks/t-3/index.html'))).toBe(true)
    expect(existsSync(path.join(live, 'client/talks/stale/index.html'))).toBe(false)
    expect(status.read().builds.map((b) => b.result)).toEqual(['live', 'failed', 'live'])
  })
})

describe('publisher with the search index after the switch', () => {
  /** An index step that writes an entry naming the pages it found, and notes what it saw when it ran. */
  function fakeIndex(ok = true) {
    const seen: { dir: string; current: string | null; state?: string }[] = []
    const { releases, status } = ctx
    const index = async (dir: string): Promise<IndexResult> => {
      const record = status.read().builds[0]
      seen.push({ dir, current: releases.current(), state: record?.searchIndex })
      if (!ok) return { ok, reason: '搜索索引生成失败（退出码 1）', log: '' }
      const bundle = path.join(dir, 'client/pagefind')
      mkdirSync(path.join(bundle, 'fragment'), { recursive: true })
      writeFileSync(path.join(bundle, 'pagefind.js'), 'loader')
      writeFileSync(path.join(bundle, 'pagefind-entry.json'), JSON.stringify({ release: path.basename(dir) }))
      writeFileSync(path.join(bundle, 'fragment', `f-${path.basename(dir)}.pf_fragment`), dir)
      return { ok, log: '' }
    }
    return { index, seen }
  }
  let ctx: ReturnType<typeof setup>
  const entry = (id: string) =>
    JSON.parse(readFileSync(path.join(ctx.releases.dirOf(id), 'client/pagefind/pagefind-entry.json'), 'utf8'))

  it('builds the first release’s index before it goes live; later ones switch first, then index', async () => {
    ctx = setup()
    const { releases, status, publisher } = ctx
    const { index, seen } = fakeIndex()
    const build = fakeBuild(['/talks/t-1/'], true, false)
    await publisher(build, index)([delivery('t-1')])
    const first = releases.current()!
    // Nothing was live: indexed in the build folder, before the switch.
    expect(seen[0]).toMatchObject({ dir: releases.buildDir, current: null })
    expect(status.read().builds[0]).toMatchObject({ release: first, result: 'live', searchIndex: 'current' })
    expect(entry(first).release).toBe('.build')

    await publisher(fakeBuild(['/talks/t-1/', '/talks/t-2/'], true, false), index)([delivery('t-2')])
    const second = releases.current()!
    expect(second).not.toBe(first)
    // The index step ran on the live release, which status said was waiting for it.
    expect(seen[1]).toMatchObject({ dir: releases.dirOf(second), current: second, state: 'pending' })
    expect(status.read().builds[0]).toMatchObject({ release: second, result: 'live', searchIndex: 'current' })
    expect(entry(second).release).toBe(second)
    // What it served meanwhile was the previous release's index, linked (the same files, not copies).
    const carried = (id: string) =>
      statSync(path.join(releases.dirOf(id), 'client/pagefind/fragment/f-.build.pf_fragment'))
    expect(carried(second).ino).toBe(carried(first).ino)
  })

  it('keeps the release live and says so when the index after the switch fails', async () => {
    ctx = setup()
    const { releases, status, publisher, lines } = ctx
    await publisher(fakeBuild(['/talks/t-1/'], true, false), fakeIndex().index)([delivery('t-1')])
    await publisher(fakeBuild(['/talks/t-1/'], true, false), fakeIndex(false).index)([delivery('t-1')])
    expect(status.read().builds[0]).toMatchObject({
      release: releases.current(),
      result: 'live',
      searchIndex: 'failed',
      searchIndexReason: '搜索索引生成失败（退出码 1）',
    })
    // The previous index still answers.
    expect(entry(releases.current()!).release).toBe('.build')
    expect(lines.join('\n')).toMatch(/search index failed/)
  })

  it('does not put a first release live without an index', async () => {
    ctx = setup()
    const { releases, status, publisher } = ctx
    await publisher(fakeBuild(['/talks/t-1/'], true, false), fakeIndex(false).index)([delivery('t-1')])
    expect(releases.current()).toBeNull()
    expect(status.read().builds[0]).toMatchObject({ result: 'failed', reason: '搜索索引生成失败（退出码 1）' })
  })

  it('after a restart, an index that was pending is reported as not built', async () => {
    ctx = setup()
    await ctx.status.update((s) =>
      s.builds.unshift({
        release: 'r-1',
        startedAt: '',
        result: 'live',
        warnings: [],
        documents: [],
        searchIndex: 'pending',
      }),
    )
    await new Promise((r) => setTimeout(r, 50))
    expect(openStatus(ctx.releases.root).read().builds[0]).toMatchObject({ result: 'live', searchIndex: 'failed' })
  })
})
