/**
 * The build the server answers from, followed through a link: when LAOMO_OUT_DIR is the publish service's
 * `current` link, a switch to a new release is picked up by the next request, without a restart. The new
 * release is read (CSP hashes, the endpoint's bundle) while the previous one keeps answering, and each
 * request is answered wholly from one release.
 */
import { readFileSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { policiesFor, scanBuild, type ScanCache } from './csp.ts'
import type { SecurityPolicies } from './policy.ts'
import { RELEASE_MARK, type ReleaseInfo } from './publish/releases.ts'

type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: () => void, locals: object) => Promise<void>

export interface LoadedBuild {
  /** The release folder itself (the link resolved). */
  dir: string
  staticDir: string
  policies: SecurityPolicies
  handler: AstroHandler
  pages: number
  /** Of `pages`, those the scan read (the rest it knew from the previous build's scan). */
  pagesRead: number
  scanned: ScanCache
  scriptHashes: number
  scanMs: number
}

/**
 * `previous`: the build served until now. Its scan's pages that this one shares by hard link are not read
 * again, and when this release's seal says what its publish changed against that one, only those are looked at.
 */
export async function loadBuild(
  dir: string,
  previewOrigins: readonly string[],
  previous?: Pick<LoadedBuild, 'dir' | 'scanned'>,
): Promise<LoadedBuild> {
  const staticDir = path.join(dir, 'client')
  const started = performance.now()
  const changes = releaseInfo(dir)?.changes
  const fits = !!previous && changes?.base === path.basename(previous.dir)
  const sources = await scanBuild(staticDir, previewOrigins, previous?.scanned, fits ? changes : undefined)
  const scanMs = Math.round(performance.now() - started)
  // Each release's bundle has its own URL, so importing a new one never returns the old module.
  const { handler } = (await import(pathToFileURL(path.join(dir, 'server', 'entry.mjs')).href)) as {
    handler: AstroHandler
  }
  return {
    dir,
    staticDir,
    policies: policiesFor(sources),
    handler,
    pages: sources.pages,
    pagesRead: sources.read,
    scanned: sources.cache,
    scriptHashes: sources.scriptHashes.length,
    scanMs,
  }
}

/** The build at `outDir` now, and a function giving the one to answer the next request with. */
export async function followBuild(outDir: string, previewOrigins: readonly string[], log: (line: string) => void) {
  let ready = await loadBuild(realpathSync(outDir), previewOrigins)
  let loading: string | null = null
  return {
    first: ready,
    current(): LoadedBuild {
      let dir: string
      try {
        dir = realpathSync(outDir)
      } catch {
        return ready // the link is being replaced: rename() makes that atomic, but be safe
      }
      if (dir !== ready.dir && dir !== loading) {
        loading = dir
        loadBuild(dir, previewOrigins, ready).then(
          (next) => {
            // A release switched to meanwhile is loading: this one must not replace it once that is served.
            if (loading !== dir) return
            ready = next
            loading = null
            log(`now serving ${dir} (${next.pages} pages, ${next.pagesRead} read, ${next.scanMs} ms)`)
          },
          (error: Error) => log(`cannot serve ${dir}, still serving ${ready.dir}: ${error.message}`),
        )
      }
      return ready
    },
  }
}

/** A release's seal (the publish service's), or null for a build made otherwise. */
function releaseInfo(dir: string): ReleaseInfo | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, RELEASE_MARK), 'utf8')) as ReleaseInfo
  } catch {
    return null
  }
}
