/**
 * A plain static host's view of a built site, shared by the browser tests' `serveStatic` and the bench's
 * server: which file a URL path names and its Content-Type. (The production server, server/static.ts,
 * has its own, stricter rules: decoding per segment, no dot-files, caching headers.)
 */
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'

export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
}

/** The file under `root` for a URL path (query and fragment ignored, a folder's index.html), or null. */
export function resolveStatic(root: string, urlPath: string): string | null {
  const clean = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!)
  const file = path.join(root, path.normalize(clean))
  if (!file.startsWith(root)) return null
  if (existsSync(file) && statSync(file).isFile()) return file
  const index = path.join(file, 'index.html')
  if (existsSync(index)) return index
  return null
}
