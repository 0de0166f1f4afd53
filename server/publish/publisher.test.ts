/** One publish with a stand-in build (files written as a build would): switch, keep, after-switch, failures. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BuildResult } from './build'
import type { Queued } from './delivery'
import { REQUIRED } from './health'
import { createPublisher } from './publisher'
import { openReleases } from './releases'
import { openStatus } from './status'

/** Writes what every release must have, plus `pages`, and says ok (or fails with a reason). */
const fakeBuild =
  (pages: string[], ok = true) =>
  async (outDir: string): Promise<BuildResult> => {
    for (const file of [...REQUIRED, ...pages.map((p) => `client${p}index.html`)]) {
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
  const publisher = (build: (dir: string) => Promise<BuildResult>) =>
    createPublisher({ releases, status, build, keep: 2, afterSwitch, log: (l) => lines.push(l) })
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
