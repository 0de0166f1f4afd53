import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { claimRoot, openReleases, previousRelease, type ReleaseInfo } from './releases'

const info = (id: string): ReleaseInfo => ({
  id,
  startedAt: '2026-12-01T00:00:00.000Z',
  finishedAt: '2026-12-01T00:00:01.000Z',
  documents: [],
  pages: 1,
  warnings: [],
})

function fixture() {
  const root = mkdtempSync(path.join(tmpdir(), 'laomo-releases-'))
  const releases = openReleases(root)
  const make = (label: string, now: Date) => {
    const { id, dir } = releases.create(now)
    mkdirSync(path.join(dir, 'client'))
    writeFileSync(path.join(dir, 'client', 'index.html'), label)
    return id
  }
  const served = () => readFileSync(path.join(root, 'current', 'client', 'index.html'), 'utf8')
  return { root, releases, make, served }
}

describe('releases', () => {
  it('serves only sealed releases and switches the link in one step', async () => {
    const { root, releases, make, served } = fixture()
    const a = make('A', new Date('2026-12-01T00:00:00Z'))
    expect(() => releases.switchTo(a)).toThrow(/not sealed/)
    await releases.seal(info(a))
    releases.switchTo(a)
    expect(served()).toBe('A')
    const b = make('B', new Date('2026-12-01T00:01:00Z'))
    await releases.seal(info(b))
    releases.switchTo(b)
    expect(served()).toBe('B')
    expect(readlinkSync(path.join(root, 'current'))).toBe(path.join('releases', b))
    expect(releases.current()).toBe(b)
    expect(previousRelease(releases)).toBe(a)
  })

  it('ids sort by time even when two builds start in the same second', () => {
    const { releases } = fixture()
    const now = new Date('2026-12-01T08:00:00Z')
    const ids = [releases.create(now).id, releases.create(now).id]
    expect(ids[0]! < ids[1]!).toBe(true)
    expect(ids[0]).toMatch(/^20261201T080000Z-\d{3}$/)
  })

  it('prunes unfinished folders and all but the newest kept, never the live one', async () => {
    const { releases, make } = fixture()
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      const id = make(String(i), new Date(Date.UTC(2026, 11, 1, 0, i)))
      await releases.seal(info(id))
      ids.push(id)
    }
    releases.switchTo(ids[0]!) // rolled back to the oldest
    const unfinished = make('half', new Date(Date.UTC(2026, 11, 1, 1)))
    const removed = releases.prune(2)
    expect(removed.sort()).toEqual([ids[1], ids[2], unfinished].sort())
    expect(releases.list().map((r) => r.id)).toEqual([ids[0], ids[3], ids[4]])
    expect(existsSync(releases.dirOf(ids[0]!))).toBe(true)
  })

  it('removes pruned folders in the background, and what a stopped service left behind when reopened', async () => {
    const { root, releases, make } = fixture()
    const old = make('old', new Date(Date.UTC(2026, 11, 1, 0, 0)))
    expect(releases.prune(0)).toEqual([old])
    expect(existsSync(releases.dirOf(old))).toBe(false)
    const trash = path.join(root, '.trash')
    await vi.waitFor(() => expect(readdirSync(trash)).toEqual([]))
    // A service stopped before its background removal finished: the next one removes the rest.
    mkdirSync(path.join(trash, 'left-behind', 'client'), { recursive: true })
    openReleases(root)
    await vi.waitFor(() => expect(readdirSync(trash)).toEqual([]))
  })

  it('builds in one folder outside the releases, emptied before each build and moved whole into a release', () => {
    const { root, releases } = fixture()
    expect(path.dirname(releases.buildDir)).toBe(root)
    releases.clearBuild()
    writeFileSync(path.join(releases.buildDir, 'left-over.html'), 'a refused build')
    releases.clearBuild()
    expect(readdirSync(releases.buildDir)).toEqual([])
    const page = path.join(releases.buildDir, 'client', 'index.html')
    mkdirSync(path.dirname(page))
    writeFileSync(page, 'built')
    const inode = statSync(page).ino
    const { id, dir } = releases.create()
    releases.adopt(id)
    expect(statSync(path.join(dir, 'client', 'index.html')).ino).toBe(inode)
    expect(existsSync(releases.buildDir)).toBe(false)
    // The next build starts empty; the release keeps its files.
    releases.clearBuild()
    expect(readFileSync(path.join(dir, 'client', 'index.html'), 'utf8')).toBe('built')
  })

  it('lets one live process build in a root at a time', () => {
    const { root } = fixture()
    expect(claimRoot(root, process.pid)).toBeNull()
    expect(claimRoot(root, process.pid)).toBeNull() // its own lock again
    expect(claimRoot(root, 2 ** 22 + 1)).toMatch(new RegExp(`pid ${process.pid}`))
    // A lock left by a process that is gone is taken over.
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!
    writeFileSync(path.join(root, '.build.lock'), String(gone))
    expect(claimRoot(root, 2 ** 22 + 1)).toBeNull()
  })
})
