/**
 * Release folders and the one link the site is served from:
 *
 *   <root>/.build/               the one folder every build writes; never served
 *   <root>/releases/<id>/        one whole build each (client/, server/), and release.json once it passed
 *   <root>/current -> releases/<id>
 *
 * Every build goes into the same `.build` folder because Astro's incremental build keys a page's route by a
 * hash that changes with the output folder: built into a new folder each time, a publish re-rendered every
 * page. A checked build is then renamed into its release folder (one rename, whatever its size), so the
 * next build starts from a new, empty `.build` and can never write into a release's files.
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
  writeFileSync,
} from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const CURRENT = 'current'
const RELEASES = 'releases'
/** A sealed release's record (ReleaseInfo), in its folder; the site server reads its change set. */
export const RELEASE_MARK = 'release.json'
const BUILD = '.build'
const TRASH = '.trash'

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
  /** What a fast publish changed against the release it was made from (a full build: absent). */
  changes?: ReleaseChanges
}

/**
 * The pages (HTML files, relative to the client folder) a fast publish wrote or removed, against release `base`,
 * whose every other file it hard-links: the health check and the site server need not walk the tree to find them.
 */
export interface ReleaseChanges {
  base: string
  written: string[]
  removed: string[]
}

export interface Releases {
  root: string
  /** The fixed folder builds are written into (outside releases/, never served). */
  buildDir: string
  /** Empties the build folder: whatever a failed or refused build left there never reaches a release. */
  clearBuild(): void
  /** Moves the finished build folder into release `id` (made by create()), in one rename. */
  adopt(id: string): void
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
      return JSON.parse(readFileSync(path.join(dirOf(id), RELEASE_MARK), 'utf8')) as ReleaseInfo
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
  const buildDir = path.join(root, BUILD)
  const trashDir = path.join(root, TRASH)
  // Removing a release of tens of thousands of files takes tens of seconds on a busy disk (58 s at 50x):
  // it is moved aside at once and removed in the background, so neither the service nor the next build
  // waits for it. What a killed service left there goes the same way.
  const removeTrash = (dir: string) => void rm(dir, { recursive: true, force: true }).catch(() => {})
  if (existsSync(trashDir)) for (const left of readdirSync(trashDir)) removeTrash(path.join(trashDir, left))
  const discard = (dir: string) => {
    if (!existsSync(dir)) return
    const trash = path.join(trashDir, `${path.basename(dir)}-${process.pid}-${Date.now()}-${++counter}`)
    mkdirSync(trashDir, { recursive: true })
    renameSync(dir, trash)
    removeTrash(trash)
  }

  return {
    root,
    buildDir,
    dirOf,
    clearBuild() {
      discard(buildDir)
      mkdirSync(buildDir)
    },
    adopt(id) {
      // rename(2) replaces the empty folder create() reserved; a non-empty one makes it throw.
      renameSync(buildDir, dirOf(id))
    },
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
      const file = path.join(dirOf(info.id), RELEASE_MARK)
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
        discard(dirOf(id))
        removed.push(id)
      }
      return removed
    },
  }
}

/**
 * Makes this process the only publisher of `root`: the queue serialises one service's builds, and this
 * keeps a second service (or a second start by mistake) from building into the same `.build` folder.
 * Returns an error message when another live process holds it; a lock left by a dead one is taken over.
 */
export function claimRoot(root: string, pid = process.pid): string | null {
  const lock = path.join(root, '.build.lock')
  mkdirSync(root, { recursive: true })
  try {
    writeFileSync(lock, String(pid), { flag: 'wx' })
    return null
  } catch {
    const other = Number(readFileSync(lock, 'utf8'))
    if (other !== pid && alive(other)) return `another publish service (pid ${other}) builds in ${root}`
    writeFileSync(lock, String(pid))
    return null
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The sealed release before the current one, to roll back to. */
export function previousRelease(releases: Releases): string | null {
  const ids = releases.list().map((r) => r.id)
  const at = ids.indexOf(releases.current() ?? '')
  return at > 0 ? ids[at - 1]! : null
}
