/**
 * Release folders and the one link the site is served from:
 *
 *   <root>/releases/<id>/        one whole build each (client/, server/), and release.json once it passed
 *   <root>/current -> releases/<id>
 *
 * The switch writes a new link beside `current` and renames it over it, which POSIX makes atomic: a reader
 * gets the old release or the new one, never half of either. A folder without release.json is a build that
 * did not finish (failed, or the service was killed) and is never served.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { writeFile, rename } from 'node:fs/promises'
import path from 'node:path'

export const CURRENT = 'current'
const RELEASES = 'releases'
const MARK = 'release.json'

export interface ReleaseInfo {
  id: string
  /** When the build started and finished (ISO). */
  startedAt: string
  finishedAt: string
  /** The document ids the deliveries named (empty for a manual build). */
  documents: string[]
  pages: number
  /** Named content problems from the build log. */
  warnings: string[]
}

export interface Releases {
  root: string
  /** A fresh, empty release folder (ids sort by time). */
  create(now?: Date): { id: string; dir: string }
  /** Marks a finished release as servable. */
  seal(info: ReleaseInfo): Promise<void>
  /** Points `current` at a sealed release, atomically. */
  switchTo(id: string): void
  current(): string | null
  /** Sealed releases, oldest first. */
  list(): ReleaseInfo[]
  /** Removes unsealed folders (builds that never finished) and all but the newest `keep` sealed ones. */
  prune(keep: number): string[]
  /** The folder of a release. */
  dirOf(id: string): string
}

export function openReleases(root: string): Releases {
  const releasesDir = path.join(root, RELEASES)
  mkdirSync(releasesDir, { recursive: true })
  const dirOf = (id: string) => path.join(releasesDir, id)
  const readInfo = (id: string): ReleaseInfo | null => {
    try {
      return JSON.parse(readFileSync(path.join(dirOf(id), MARK), 'utf8')) as ReleaseInfo
    } catch {
      return null
    }
  }
  const current = () => {
    try {
      return path.basename(readlinkSync(path.join(root, CURRENT)))
    } catch {
      return null
    }
  }
  let counter = 0

  return {
    root,
    dirOf,
    current,
    create(now = new Date()) {
      const stamp = now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z')
      let id: string
      do id = `${stamp}-${String(++counter).padStart(3, '0')}`
      while (existsSync(dirOf(id)))
      mkdirSync(dirOf(id))
      return { id, dir: dirOf(id) }
    },
    async seal(info) {
      const file = path.join(dirOf(info.id), MARK)
      await writeFile(`${file}.tmp`, JSON.stringify(info, null, 2))
      await rename(`${file}.tmp`, file)
    },
    switchTo(id) {
      if (!readInfo(id)) throw new Error(`release ${id} is not sealed`)
      const link = path.join(root, CURRENT)
      const next = `${link}.next-${process.pid}`
      rmSync(next, { force: true })
      symlinkSync(path.join(RELEASES, id), next)
      renameSync(next, link)
    },
    list() {
      return readdirSync(releasesDir)
        .sort()
        .map(readInfo)
        .filter((info): info is ReleaseInfo => info !== null)
    },
    prune(keep) {
      const live = current()
      const sealed = new Set(this.list().map((r) => r.id))
      const keepIds = new Set([...sealed].sort().slice(-keep))
      const removed: string[] = []
      for (const id of readdirSync(releasesDir)) {
        if (id === live || keepIds.has(id)) continue
        rmSync(dirOf(id), { recursive: true, force: true })
        removed.push(id)
      }
      return removed
    },
  }
}

/** The sealed release before the current one, to roll back to. */
export function previousRelease(releases: Releases): string | null {
  const ids = releases.list().map((r) => r.id)
  const at = ids.indexOf(releases.current() ?? '')
  return at > 0 ? ids[at - 1]! : null
}
