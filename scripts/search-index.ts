/**
 * The second step of `npm run build`: Pagefind's search index of the built pages (`pagefind.yml` says which).
 *
 *   node scripts/search-index.ts [outDir] [cacheDir]   (defaults: $LAOMO_OUT_DIR or dist, $LAOMO_CACHE_DIR or node_modules/.astro)
 *
 * Pagefind names its index chunks and page fragments after their content and does not write a file that
 * already exists. Astro empties the output on every build, so Pagefind writes into `<cacheDir>/pagefind`
 * instead (the deploy pipeline keeps `cacheDir` between builds): a publish then writes only the fragments of
 * the pages that changed. Files the new index no longer names are removed, and the bundle is put into the
 * output, content-named files as hard links (their contents never change).
 *
 * It runs after `astro build` has exited, so the two never hold their memory at once. A large site is indexed
 * in shards, one Pagefind run each (scripts/search-shards.ts), so no run holds every page. The bundles are put
 * into the site in an order that lets this run on a live release (the publish service's index after the switch).
 */
import { spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { arch } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { decode } from 'cborg'
import { indexedPages, MANIFEST, pagesPerIndex, REPO, stageShard } from './search-shards.ts'
import { staticDirOf } from './static-dir.ts'

/** Folders of content-named files: the index chunks, one fragment per page, filter chunks. */
const CONTENT_NAMED_DIRS = ['fragment', 'index', 'filter']
/** Left in the cache while Pagefind writes: a run that died half-way is not trusted by the next one. */
const INCOMPLETE = '.incomplete'

interface Entry {
  languages: Record<string, { hash: string; page_count: number }>
}
const readEntry = (bundle: string): Entry =>
  JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as Entry
/** A content-named file's name without its extension: what the index refers to. */
const stem = (file: string) => file.replace(/\.[^.]+$/, '')

/** The gzipped meta file starts with this signature, then one CBOR data item. */
const META_SIGNATURE = 'pagefind_dcd'

/**
 * The names Pagefind's meta file refers to: it is `[version, pages, index chunks, filters, sorts, meta
 * fields]`, a page being `[fragment, word count, …]`, a chunk `[first word, last word, name]` and a filter
 * `[filter, name]`. Throws when the file is not in that shape (a Pagefind upgrade changing its format).
 */
export function metaNames(file: string): string[] {
  const raw = gunzipSync(readFileSync(file))
  const wrong = (what: string) =>
    new Error(`Pagefind's meta file ${file} is not in the format this step reads: ${what}`)
  if (raw.subarray(0, META_SIGNATURE.length).toString('latin1') !== META_SIGNATURE) throw wrong('no signature')
  let meta: unknown
  try {
    meta = decode(raw.subarray(META_SIGNATURE.length))
  } catch (error) {
    throw wrong((error as Error).message)
  }
  const list = (value: unknown, what: string): unknown[][] => {
    if (!Array.isArray(value) || !value.every(Array.isArray)) throw wrong(`${what} is not a list of lists`)
    return value as unknown[][]
  }
  if (!Array.isArray(meta) || typeof meta[0] !== 'string') throw wrong('no version')
  const names = [
    ...list(meta[1], 'pages').map((page) => page[0]),
    ...list(meta[2], 'index chunks').map((chunk) => chunk[2]),
    ...list(meta[3], 'filters').map((filter) => filter[1]),
  ]
  if (!names.every((name) => typeof name === 'string')) throw wrong('a file name that is not text')
  return names as string[]
}

/** The names (`<language>_<hash>`) of every chunk and fragment the index in `bundle` refers to. */
export function referencedNames(bundle: string, entry: Entry = readEntry(bundle)): Set<string> {
  const names = new Set<string>()
  for (const { hash } of Object.values(entry.languages)) {
    names.add(hash)
    for (const name of metaNames(path.join(bundle, `pagefind.${hash}.pf_meta`))) names.add(name)
  }
  return names
}

/** Removes chunks, fragments and meta files the current index does not refer to; returns how many. */
export function pruneBundle(bundle: string): number {
  const entry = readEntry(bundle)
  const retry = `nothing was removed. Delete ${bundle} and build again.`
  let keep: Set<string>
  try {
    keep = referencedNames(bundle, entry)
  } catch (error) {
    throw new Error(`${(error as Error).message}; ${retry}`)
  }
  // One fragment per page: if the meta file no longer reads as expected (a Pagefind upgrade), stop here
  // rather than remove files the index needs.
  const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)
  const fragments = readdirSync(path.join(bundle, 'fragment')).filter((f) => keep.has(stem(f)))
  if (fragments.length !== pages)
    throw new Error(
      `The search index names ${fragments.length} page fragments for ${pages} pages: Pagefind's meta file was not ` +
        `read correctly, so ${retry}`,
    )
  let removed = 0
  const remove = (file: string) => {
    rmSync(file)
    removed++
  }
  for (const dir of CONTENT_NAMED_DIRS) {
    const full = path.join(bundle, dir)
    if (!existsSync(full)) continue
    for (const file of readdirSync(full)) if (!keep.has(stem(file))) remove(path.join(full, file))
  }
  for (const file of readdirSync(bundle)) {
    const meta = /^pagefind\.(.+)\.pf_meta$/.exec(file)
    if (meta && !keep.has(meta[1]!)) remove(path.join(bundle, file))
  }
  return removed
}

/** A file Pagefind names after its content: never rewritten, so it is hard-linked rather than copied. */
const isContentNamed = (relative: string) =>
  relative.endsWith('.pf_meta') || CONTENT_NAMED_DIRS.includes(path.basename(path.dirname(relative)))

/** Hard link, or a copy across file systems. */
function link(from: string, to: string) {
  try {
    linkSync(from, to)
  } catch {
    copyFileSync(from, to)
  }
}

/** Files under `dir`, relative to it. */
const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))

/** Copies a bundle (with any shard folders) into a folder that does not have one yet: content-named files linked. */
export function placeBundle(bundle: string, target: string): void {
  rmSync(target, { recursive: true, force: true })
  for (const file of filesUnder(bundle)) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true })
    if (isContentNamed(file)) link(path.join(bundle, file), path.join(target, file))
    else copyFileSync(path.join(bundle, file), path.join(target, file))
  }
}

/**
 * Makes `target` hold exactly the given bundles (`at` is each one's folder inside it), in an order that a
 * browser searching the live site meanwhile never meets a missing file: first the new content-named files
 * (new names, beside the old), then the rest — the entry files that name them and last the shard list —
 * each replaced by a rename, then whatever no bundle has any more is removed.
 */
export function syncBundles(bundles: { from: string; at: string }[], target: string): void {
  const wanted = new Set<string>()
  const replaced: [string, string][] = []
  for (const { from, at } of bundles)
    for (const file of filesUnder(from)) {
      const src = path.join(from, file)
      const dst = path.join(target, at, file)
      wanted.add(dst)
      mkdirSync(path.dirname(dst), { recursive: true })
      if (!isContentNamed(file)) replaced.push([src, dst])
      // Kept when it is the cached file itself; otherwise replaced whole (a file left by an interrupted run).
      else if (!existsSync(dst) || statSync(dst).ino !== statSync(src).ino) {
        link(src, `${dst}.tmp`)
        renameSync(`${dst}.tmp`, dst)
      }
    }
  replaced.sort(([, a], [, b]) => Number(path.basename(a) === MANIFEST) - Number(path.basename(b) === MANIFEST))
  for (const [src, dst] of replaced) {
    copyFileSync(src, `${dst}.tmp`)
    renameSync(`${dst}.tmp`, dst)
  }
  for (const file of filesUnder(target)) if (!wanted.has(path.join(target, file))) rmSync(path.join(target, file))
  const dirs = readdirSync(target, { recursive: true, withFileTypes: true }).filter((e) => e.isDirectory())
  for (const dir of dirs.map((e) => path.join(e.parentPath, e.name)).sort((a, b) => b.length - a.length))
    if (readdirSync(dir).length === 0) rmdirSync(dir)
}

/**
 * Pagefind's extended binary (the one that segments Chinese), found where its npm wrapper finds it. Starting it
 * directly saves the wrapper's own Node start-up, ~50 ms of every build.
 */
export function pagefindBinary(): string {
  if (process.env.PAGEFIND_EXTENDED_BINARY_PATH) return process.env.PAGEFIND_EXTENDED_BINARY_PATH
  const platform = process.platform === 'win32' ? 'windows' : process.platform
  const executable = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended'
  return createRequire(import.meta.url).resolve(`@pagefind/${platform}-${arch()}/bin/${executable}`)
}

/** One Pagefind run over `site` into the kept `bundle`, which is pruned of what the new index does not name. */
async function runPagefind(site: string, bundle: string): Promise<{ log: string; removed: number }> {
  // A run that died half-way may have left a truncated file under a name Pagefind would then skip.
  if (existsSync(path.join(bundle, INCOMPLETE))) rmSync(bundle, { recursive: true, force: true })
  mkdirSync(bundle, { recursive: true })
  writeFileSync(path.join(bundle, INCOMPLETE), '')
  // From the repository, whose pagefind.yml Pagefind reads from its working folder.
  const child = spawn(pagefindBinary(), ['--site', site, '--output-path', bundle], { cwd: REPO })
  let log = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (log += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (log += text))
  const failure = await new Promise<string | null>((resolve) => {
    child.on('error', (error) => resolve(error.message))
    child.on('close', (code, signal) => resolve(code === 0 ? null : `exit ${code ?? signal}`))
  })
  if (failure !== null) {
    rmSync(bundle, { recursive: true, force: true })
    throw new Error(`Pagefind failed (${failure}); the search index was not built.\n${log}`)
  }
  rmSync(path.join(bundle, INCOMPLETE))
  return { log, removed: pruneBundle(bundle) }
}

/**
 * Indexes the site in `outDir` into `<cacheDir>/pagefind` (and, above `perIndex` pages, `pagefind-2`, … one per
 * shard, one run after another) and puts the bundles into the site's `/pagefind/` (shard k at `shard-k/`),
 * with the list the search page merges. Safe to run on a live release: see syncBundles.
 *
 * While Pagefind indexes one shard (on about one core), the previous shard's folder of links is removed and the
 * next one's made: at 200× the sample that file-system work took ~14 s of a ~60 s step, now beside the runs.
 */
export async function buildSearchIndex(
  outDir: string,
  cacheDir: string,
  perIndex = pagesPerIndex(),
): Promise<{ log: string; removed: number; shards: number }> {
  const site = staticDirOf(outDir)
  const pages = indexedPages(site)
  const count = pages.length > perIndex ? Math.ceil(pages.length / perIndex) : 1
  const cacheOf = (k: number) => path.resolve(cacheDir, k === 1 ? 'pagefind' : `pagefind-${k}`)
  // Each shard's pages are hard-linked into a folder of their own for its run, one run at a time.
  const staging = path.resolve(cacheDir, 'pagefind-pages')
  const stage = (k: number) => (count === 1 ? site : stageShard(site, pages, k, count, staging))
  const unstage = (dir: string | undefined) => dir && dir !== site && rmSync(dir, { recursive: true, force: true })
  let log = ''
  let removed = 0
  try {
    let current: string | undefined = stage(1)
    let previous: string | undefined
    for (let k = 1; current !== undefined; k++) {
      const running = runPagefind(current, cacheOf(k))
      unstage(previous)
      const next = k < count ? stage(k + 1) : undefined
      const run = await running
      log += run.log
      removed += run.removed
      previous = current
      current = next
    }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
  // Shards a larger site needed before: no longer part of the index.
  for (let k = count + 1; existsSync(cacheOf(k)); k++) rmSync(cacheOf(k), { recursive: true, force: true })
  const shardDirs = Array.from({ length: count - 1 }, (_, i) => `shard-${i + 2}/`)
  writeFileSync(path.join(cacheOf(1), MANIFEST), `${JSON.stringify({ merge: shardDirs })}\n`)
  syncBundles(
    Array.from({ length: count }, (_, i) => ({ from: cacheOf(i + 1), at: i === 0 ? '' : shardDirs[i - 1]! })),
    path.join(site, 'pagefind'),
  )
  return { log, removed, shards: count }
}

if (import.meta.main) {
  const [
    outDir = process.env.LAOMO_OUT_DIR || 'dist',
    cacheDir = process.env.LAOMO_CACHE_DIR || 'node_modules/.astro',
  ] = process.argv.slice(2)
  try {
    const { log, removed, shards } = await buildSearchIndex(outDir, cacheDir)
    process.stdout.write(log)
    console.log(
      `Search index (${shards} shard(s)) kept in ${path.join(cacheDir, 'pagefind')}${shards > 1 ? '-*' : ''}; ` +
        `${removed} file(s) of the previous one removed.`,
    )
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
