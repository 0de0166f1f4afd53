/**
 * A whole site build from one dataset, as `npm run build` runs it (astro build, then the search index), into
 * its own output and cache folders so it never meets anyone else's build.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { exportFolderName } from '../../../scripts/content-fixtures/layouts.ts'
import { NOW } from '../../../scripts/content-fixtures/model.ts'
import { Site } from './site.ts'

export interface Built {
  site: Site
  log: string
  status: number | null
  /** Removes the output and cache folders (LAOMO_KEEP_GEN=1 keeps them for a look). */
  remove(): void
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; log: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env })
    let log = ''
    child.stdout.on('data', (c: Buffer) => (log += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (log += c.toString('utf8')))
    child.on('error', (error) => resolve({ status: null, log: `${log}\n${error.message}` }))
    child.on('close', (status) => resolve({ status, log: stripVTControlCharacters(log) }))
  })
}

export async function buildSite(dataset: string, name: string): Promise<Built> {
  const root = path.resolve('.')
  // Inside the project (the Node adapter's prerender step resolves packages from the output folder).
  const out = path.join(root, `dist-gen-${name}-${process.pid}`)
  const cache = path.join(root, 'node_modules/.cache', `astro-gen-${name}-${process.pid}`)
  const remove = () => {
    if (process.env.LAOMO_KEEP_GEN === '1') return
    rmSync(out, { recursive: true, force: true })
    rmSync(cache, { recursive: true, force: true })
    forgetExtraction(dataset)
  }
  remove()
  const env = { ...process.env, LAOMO_DATASET: dataset, LAOMO_EMBED_STUDIO: '0', LAOMO_NOW: NOW }
  const astro = await run([path.join(root, 'scripts/bench/astro-build.ts'), root, out, cache], env)
  let { status, log } = astro
  if (status === 0) {
    const search = await run([path.join(root, 'scripts/search-index.ts'), out, cache], env)
    status = search.status
    log += `\n--- search index ---\n${search.log}`
  }
  return { site: new Site(path.join(out, 'client')), log, status, remove }
}

/**
 * The site unpacks an export archive into node_modules/.cache/laomo-datasets/<digest of path and mtime>
 * (domain/dataset.ts) and keeps it; each test run writes new archives, so their copies are removed.
 * Only a folder holding this generator's export is touched.
 */
function forgetExtraction(dataset: string): void {
  if (!/\.(tar\.gz|tgz)$/.test(dataset) || !existsSync(dataset)) return
  const abs = path.resolve(dataset)
  const digest = createHash('sha1')
    .update(abs)
    .update(String(statSync(abs).mtimeMs))
    .digest('hex')
    .slice(0, 12)
  const dir = path.resolve('node_modules/.cache/laomo-datasets', digest)
  if (existsSync(dir) && readdirSync(dir).includes(exportFolderName())) rmSync(dir, { recursive: true, force: true })
}

export interface LogWarning {
  line: string
  /** The document it names (one of `ids`), if any. */
  id?: string
  /** The field it names (`field "<field>"`), if any. */
  field?: string
}

/** The build's warnings (Astro's `[WARN]` lines, the site's `[laomo]` ones), with the document and field each names. */
export function warningsOf(log: string, ids: Iterable<string> = []): LogWarning[] {
  const known = [...ids]
  return log
    .split('\n')
    .filter((l) => /\[WARN\]|\[laomo\]|warning/i.test(l) && !/^\s*[├└]─/.test(l))
    .map((line) => ({
      line: line.trim(),
      id: known.find((id) => line.includes(id)),
      field: /field "([^"]+)"/.exec(line)?.[1],
    }))
}
