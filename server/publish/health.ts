/**
 * The check a new release passes before it is served: the pages every release must have exist, and no
 * page of the live release is missing from it unless a delivery said its document was deleted or renamed.
 * A talk's poster may also go while the talk's page stays: posters are built only for talks to come, and the
 * server redirects a past one's address to the talk. So may a page of a split list (a month whose last talk
 * moved to another month). A page that vanished for any other reason (a document
 * the build skipped as broken, a failed render) keeps the live site as it was, and the status names the pages.
 */
import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { isSplitListPath, posterTalkPath } from '#domain/paths'
import type { ReleaseChanges } from './releases.ts'

/** Files without which a release is not a site (relative to the release folder). */
export const REQUIRED = [
  'client/index.html',
  'client/404.html',
  'client/workers/index.html',
  'client/talks/index.html',
  'client/map/index.html',
  'client/stories/index.html',
  'client/photos/index.html',
  'client/search/index.html',
  'client/pagefind/pagefind.js',
  'server/entry.mjs',
]

/**
 * Every HTML page of a release, as site paths ("/talks/talk-001/"). Asynchronous: at 200× the sample a release
 * holds ~250,000 files, and a synchronous walk held the service's event loop long enough for its status
 * connections to be reset.
 */
export async function pagesOf(releaseDir: string): Promise<Set<string>> {
  const client = path.join(releaseDir, 'client')
  const pages = new Set<string>()
  if (!existsSync(client)) return pages
  for (const entry of await readdir(client, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue
    pages.add(pageOf(path.relative(client, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')))
  }
  return pages
}

/** The site path of an HTML file of the client folder ("talks/t-1/index.html" → "/talks/t-1/"). */
const pageOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`

/** The pages of a release made from the live one by a change set (no walk of its tree). */
function pagesAfter(livePages: ReadonlySet<string>, changes: Pick<ReleaseChanges, 'written' | 'removed'>) {
  const pages = new Set(livePages)
  for (const file of changes.removed) pages.delete(pageOf(file))
  for (const file of changes.written) pages.add(pageOf(file))
  return pages
}

export interface HealthReport {
  ok: boolean
  problems: string[]
  pages: number
  /** The release's pages: the next check's `livePages` once it is live. */
  paths: ReadonlySet<string>
}

/**
 * `gone` are the site paths whose documents were deleted or renamed: a page at one of them, or below it
 * (e.g. "/workers/li-ming/" and "/workers/li-ming/print/"), may disappear. `livePages`: the live release's
 * pages as its own check found them (a sealed release does not change), saving a walk of its tree; with the
 * release's `changes` against the live one too (a fast publish's), the new release's tree is not walked either.
 */
export async function checkRelease(
  releaseDir: string,
  liveDir: string | null,
  gone: string[],
  livePages?: ReadonlySet<string>,
  changes?: Pick<ReleaseChanges, 'written' | 'removed'>,
): Promise<HealthReport> {
  const problems = REQUIRED.filter((file) => !existsSync(path.join(releaseDir, file))).map(
    (file) => `缺少必需文件 ${file}`,
  )
  const pages = livePages && changes ? pagesAfter(livePages, changes) : await pagesOf(releaseDir)
  if (liveDir) {
    const pastPoster = (page: string) => pages.has(posterTalkPath(page) ?? '')
    const mayGo = (page: string) =>
      gone.some((prefix) => page.startsWith(prefix)) || pastPoster(page) || isSplitListPath(page)
    const missing = [...(livePages ?? (await pagesOf(liveDir)))]
      .filter((page) => !pages.has(page) && !mayGo(page))
      .sort()
    for (const page of missing.slice(0, 20)) problems.push(`页面缺失：${page}`)
    if (missing.length > 20) problems.push(`另有 ${missing.length - 20} 个页面缺失`)
  }
  return { ok: problems.length === 0, problems, pages: pages.size, paths: pages }
}
