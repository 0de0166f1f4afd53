/**
 * The built pages and assets from `<outDir>/client`: GET and HEAD only, conditional requests (ETag,
 * Last-Modified → 304), no ranges and no compression (the proxy compresses). The caller has set the
 * security headers; this sets Content-Type, length, validators and Cache-Control. An old address of a
 * renamed page or feed (the build's `redirects.json`, site/lib/redirects.ts) gets a 301 first; the poster
 * address of a talk that has taken place (posters are built only for talks to come) a 302 to the talk.
 */
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import { posterTalkPath } from '#domain/paths'
import { cacheControlFor, NO_STORE } from './policy.ts'

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
}

/**
 * The file for a URL path, or null: each segment percent-decoded on its own, so an encoded `/` or
 * `..` cannot climb out of `root`; dot-files and dot-folders are never served.
 */
export function staticPath(root: string, pathname: string): string | null {
  const segments: string[] = []
  for (const raw of pathname.split('/').slice(1)) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return null
    segments.push(segment)
  }
  return path.join(root, ...segments)
}

async function fileAt(file: string) {
  const info = await stat(file).catch(() => null)
  if (info?.isFile()) return { file, info }
  if (info?.isDirectory()) {
    const index = path.join(file, 'index.html')
    const indexInfo = await stat(index).catch(() => null)
    if (indexInfo?.isFile()) return { file: index, info: indexInfo }
  }
  return null
}

/** A path with each segment decoded, so `%E5%BC%A0` and a client's other spelling of it compare equal. */
function decodedPath(pathname: string): string | null {
  try {
    return pathname.split('/').map(decodeURIComponent).join('/')
  } catch {
    return null
  }
}

/**
 * The build's redirect map (decoded old path → new path). A publish switches to a new release folder (a
 * new root); a build rewritten in place is noticed by the file's modification time, looked at once a second.
 */
const redirectMaps = new Map<string, { checkedAt: number; mtimeMs: number; map: Map<string, string> }>()

async function redirectsOf(root: string): Promise<Map<string, string>> {
  const cached = redirectMaps.get(root)
  const now = performance.now()
  if (cached && now - cached.checkedAt < 1000) return cached.map
  const file = path.join(root, 'redirects.json')
  const info = await stat(file).catch(() => null)
  const mtimeMs = info?.mtimeMs ?? -1
  if (cached?.mtimeMs === mtimeMs) {
    cached.checkedAt = now
    return cached.map
  }
  let entries: [string, string][] = []
  try {
    if (info) {
      const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
      entries = Object.entries(json).flatMap(([from, to]) => {
        const key = decodedPath(from)
        return key !== null && typeof to === 'string' ? [[key, to] as [string, string]] : []
      })
    }
  } catch {
    // A damaged map redirects nothing; the redirect pages and feed copies still answer.
  }
  const map = new Map(entries)
  redirectMaps.set(root, { checkedAt: now, mtimeMs, map })
  return map
}

/** Where an old address now lives, or null; `/workers/old` finds `/workers/old/` too. */
export async function redirectFor(root: string, pathname: string): Promise<string | null> {
  const wanted = decodedPath(pathname)
  if (wanted === null) return null
  const map = await redirectsOf(root)
  return map.get(wanted) ?? (wanted.endsWith('/') ? null : (map.get(`${wanted}/`) ?? null))
}

const queryOf = (req: IncomingMessage) => (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '')

/** The talk page of a poster address that has no poster (printed QR codes, bookmarks), if that page exists. */
async function pastPosterTalk(root: string, pathname: string): Promise<string | null> {
  const talk = posterTalkPath(pathname)
  const dir = talk && staticPath(root, talk)
  return dir && (await fileAt(path.join(dir, 'index.html'))) ? talk : null
}

/** The embedded Studio routes in the browser: its deep links all load its one page. */
const STUDIO = /^\/studio(\/|$)/

export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  /** The preview server's answers are private to one editor: `private, no-store` for every file. */
  options: { cacheControl?: string } = {},
) {
  const moved = await redirectFor(root, pathname)
  if (moved) {
    res.writeHead(301, {
      Location: `${moved}${queryOf(req)}`,
      'Cache-Control': options.cacheControl ?? cacheControlFor(moved),
    })
    res.end()
    return
  }
  const wanted = staticPath(root, pathname)
  let found = wanted ? await fileAt(wanted) : null
  if (!found && STUDIO.test(pathname) && !path.extname(pathname)) found = await fileAt(path.join(root, 'studio'))
  if (!found) {
    const talk = await pastPosterTalk(root, pathname)
    if (talk) {
      // 302, not 301: a talk moved to a later date gets its poster back with the next publish.
      res.writeHead(302, { Location: `${talk}${queryOf(req)}`, 'Cache-Control': options.cacheControl ?? NO_STORE })
      res.end()
      return
    }
    return sendFile(req, res, 404, await fileAt(path.join(root, '404.html')), options.cacheControl ?? NO_STORE)
  }

  const { info } = found
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
  res.setHeader('ETag', etag)
  res.setHeader('Last-Modified', info.mtime.toUTCString())
  const cacheControl = options.cacheControl ?? cacheControlFor(pathname)
  const ifNoneMatch = req.headers['if-none-match']
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.slice(2) || tag.trim() === '*')
    : req.headers['if-modified-since'] !== undefined &&
      Math.floor(info.mtimeMs / 1000) <= Date.parse(req.headers['if-modified-since']) / 1000
  if (notModified) {
    res.writeHead(304, { 'Cache-Control': cacheControl })
    res.end()
    return
  }
  sendFile(req, res, 200, found, cacheControl)
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  found: { file: string; info: { size: number } } | null,
  cacheControl: string,
) {
  if (!found) {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': cacheControl })
    res.end(req.method === 'HEAD' ? undefined : '页面不存在。')
    return
  }
  res.writeHead(status, {
    'Content-Type': TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': found.info.size,
    'Cache-Control': cacheControl,
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const stream = createReadStream(found.file)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}
