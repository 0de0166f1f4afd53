/**
 * The search index step with Pagefind's real binary (and the repo's pagefind.yml) over a small site, compared
 * with what Pagefind's own CLI writes from scratch: a rebuild that reuses the kept index must leave exactly that,
 * and an interrupted run is not reused.
 */
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildSearchIndex, metaNames, pruneBundle, referencedNames } from './search-index.ts'
import { indexedPages, indexGlob, MANIFEST, PAGES_PER_INDEX, pagesPerIndex, shardOf } from './search-shards.ts'

let dir: string
const out = () => path.join(dir, 'out')
const cache = () => path.join(dir, 'cache')
const bundle = () => path.join(cache(), 'pagefind')

function page(slug: string, text: string) {
  const file = path.join(out(), 'client/talks', slug, 'index.html')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(
    file,
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${slug}</title></head>` +
      `<body><main data-pagefind-body data-pagefind-filter="type:报告会"><h1>${slug}</h1><p>${text}</p></main></body></html>`,
  )
}

/** The kept index's meta file. */
function metaFile(): string {
  const entry = JSON.parse(readFileSync(path.join(bundle(), 'pagefind-entry.json'), 'utf8'))
  return path.join(bundle(), `pagefind.${entry.languages['zh-cn'].hash}.pf_meta`)
}

/** Every file under `root` with its bytes, by relative path (without the shard list, which Pagefind does not write). */
function files(root: string): Map<string, string> {
  const all = new Map<string, string>()
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && !(entry.name === MANIFEST && entry.parentPath === root)) {
      const full = path.join(entry.parentPath, entry.name)
      all.set(path.relative(root, full), readFileSync(full).toString('base64'))
    }
  return all
}

/** What Pagefind writes from scratch for the same site. */
function freshIndex(): Map<string, string> {
  const fresh = path.join(dir, 'fresh')
  const run = spawnSync(
    process.execPath,
    ['node_modules/.bin/pagefind', '--site', path.join(out(), 'client'), '--output-path', fresh],
    { encoding: 'utf8' },
  )
  expect(run.status, run.stderr).toBe(0)
  return files(fresh)
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'laomo-search-'))
  for (let i = 1; i <= 20; i++) page(`talk-${i}`, `第${i}场报告会，劳模讲述岗位故事`)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('search index step', () => {
  it('puts the index into the site and keeps it in the cache', async () => {
    const { removed } = await buildSearchIndex(out(), cache())
    expect(removed).toBe(0)
    const placed = files(path.join(out(), 'client/pagefind'))
    expect(placed).toEqual(freshIndex())
    expect(files(bundle())).toEqual(placed)
    const entry = JSON.parse(readFileSync(path.join(out(), 'client/pagefind/pagefind-entry.json'), 'utf8'))
    expect(entry.languages['zh-cn'].page_count).toBe(20)
    // One index: nothing to merge.
    expect(JSON.parse(readFileSync(path.join(out(), 'client/pagefind', MANIFEST), 'utf8'))).toEqual({ merge: [] })
  })

  it('after a page changed, leaves exactly what a fresh index would and drops what the old one needed', async () => {
    await buildSearchIndex(out(), cache())
    const before = new Set(files(bundle()).keys())
    // Backdate the kept files: any that Pagefind writes again gets a new modification time.
    const past = new Date('2020-01-01T00:00:00Z')
    for (const f of before) utimesSync(path.join(bundle(), f), past, past)
    // A publish: the output is emptied and written again, one page with new text.
    rmSync(out(), { recursive: true })
    for (let i = 1; i <= 20; i++) page(`talk-${i}`, `第${i}场报告会，劳模讲述岗位故事`)
    page('talk-7', '改期后的报告会：焊接技术与工匠精神')

    const { removed } = await buildSearchIndex(out(), cache())
    const placed = files(path.join(out(), 'client/pagefind'))
    expect(placed).toEqual(freshIndex())
    expect(removed).toBeGreaterThan(0)
    // The unchanged pages' fragments were not written again, and the output links to the kept files.
    const kept = [...placed.keys()].filter((f) => f.startsWith('fragment/') && before.has(f))
    expect(kept.length).toBe(19)
    for (const f of kept) {
      const inOutput = statSync(path.join(out(), 'client/pagefind', f))
      expect(inOutput.mtime).toEqual(past)
      expect(inOutput.ino).toBe(statSync(path.join(bundle(), f)).ino)
    }
    const written = [...placed.keys()].filter((f) => f.startsWith('fragment/') && !before.has(f))
    expect(written).toHaveLength(1)
    expect(statSync(path.join(bundle(), written[0]!)).mtime.getTime()).toBeGreaterThan(past.getTime())
    // Only referenced fragments remain: one per page.
    expect([...placed.keys()].filter((f) => f.startsWith('fragment/'))).toHaveLength(20)
    expect([...referencedNames(bundle())].filter((n) => placed.has(`fragment/${n}.pf_fragment`))).toHaveLength(20)
  })

  it('removes nothing when the meta file is not in the format it reads', async () => {
    await buildSearchIndex(out(), cache())
    const meta = metaFile()
    for (const content of [
      Buffer.from('pagefind_dcd unknown format'), // not one CBOR item
      Buffer.from('other_signature\x80'),
      Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x82, 0x65, ...Buffer.from('1.6.0'), 0x01])]),
    ]) {
      writeFileSync(meta, gzipSync(content))
      const before = files(bundle())
      expect(() => pruneBundle(bundle())).toThrow(/not in the format this step reads.*nothing was removed/)
      expect(files(bundle())).toEqual(before)
    }
  })

  it('removes nothing when the meta file names fewer fragments than there are pages', async () => {
    await buildSearchIndex(out(), cache())
    // A well-formed meta file listing no pages, chunks or filters: [version, [], [], [], [], []].
    const empty = [0x86, 0x65, ...Buffer.from('1.6.0'), 0x80, 0x80, 0x80, 0x80, 0x80]
    writeFileSync(metaFile(), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(empty)])))
    const before = files(bundle())
    expect(() => pruneBundle(bundle())).toThrow(/0 page fragments for 20 pages.*nothing was removed/)
    expect(files(bundle())).toEqual(before)
  })

  it('reads every fragment, index chunk and filter the meta file names, and nothing else', async () => {
    await buildSearchIndex(out(), cache())
    const names = metaNames(metaFile())
    const onDisk = ['fragment', 'index', 'filter'].flatMap((d) =>
      existsSync(path.join(bundle(), d))
        ? readdirSync(path.join(bundle(), d)).map((f) => f.replace(/\.[^.]+$/, ''))
        : [],
    )
    expect(onDisk.some((n) => readdirSync(path.join(bundle(), 'filter')).includes(`${n}.pf_filter`))).toBe(true)
    expect(new Set(names)).toEqual(new Set(onDisk))
  })

  it('does not reuse the files of a run that died half-way', async () => {
    await buildSearchIndex(out(), cache())
    // A truncated fragment under the name the next run would skip, as a killed run could leave it.
    const fragment = readdirSync(path.join(bundle(), 'fragment'))[0]!
    writeFileSync(path.join(bundle(), 'fragment', fragment), '')
    writeFileSync(path.join(bundle(), '.incomplete'), '')

    await buildSearchIndex(out(), cache())
    expect(files(path.join(out(), 'client/pagefind'))).toEqual(freshIndex())
    expect(existsSync(path.join(bundle(), '.incomplete'))).toBe(false)
  })

  it('fails with Pagefind’s reason when there is nothing to index, and keeps no half-written index', async () => {
    rmSync(path.join(out(), 'client/talks'), { recursive: true })
    mkdirSync(path.join(out(), 'client'), { recursive: true })
    await expect(buildSearchIndex(out(), cache())).rejects.toThrow(/Pagefind failed[\s\S]*not able to build an index/)
    expect(existsSync(bundle())).toBe(false)
  })
})

/** The URL each page fragment of a bundle is for (a fragment is gzipped `pagefind_dcd` + JSON). */
function fragmentUrls(bundleDir: string): string[] {
  const dir = path.join(bundleDir, 'fragment')
  return readdirSync(dir).map(
    (f) =>
      JSON.parse(
        gunzipSync(readFileSync(path.join(dir, f)))
          .subarray(12)
          .toString('utf8'),
      ).url as string,
  )
}
const pageCount = (bundleDir: string) =>
  JSON.parse(readFileSync(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')).languages['zh-cn'].page_count

describe('search index in shards', () => {
  const site = () => path.join(out(), 'client/pagefind')
  // A varied number of pages per run, so no count is special: 20 from beforeEach plus some.
  const extra = 3 + Math.floor(Math.random() * 10)
  beforeEach(() => {
    for (let i = 1; i <= extra; i++) page(`extra-${i}`, `第${i}位劳模讲述安全生产`)
  })

  it('above the limit, splits the pages into shards that together index each page once, and lists them', async () => {
    const total = 20 + extra
    const perIndex = 6 + Math.floor(Math.random() * 4)
    const { shards } = await buildSearchIndex(out(), cache(), perIndex)
    expect(shards).toBe(Math.ceil(total / perIndex))
    const manifest = JSON.parse(readFileSync(path.join(site(), MANIFEST), 'utf8'))
    expect(manifest.merge).toEqual(Array.from({ length: shards - 1 }, (_, i) => `shard-${i + 2}/`))
    const bundles = [site(), ...manifest.merge.map((dir: string) => path.join(site(), dir))]
    const urls = bundles.flatMap(fragmentUrls).sort()
    expect(urls).toEqual([...new Set(urls)])
    expect(urls).toHaveLength(total)
    for (const b of bundles) expect(fragmentUrls(b)).toHaveLength(pageCount(b))
    // The staged copies of the pages are gone; each shard's index is kept for the next build.
    expect(existsSync(path.join(cache(), 'pagefind-pages'))).toBe(false)
    for (let k = 2; k <= shards; k++) expect(existsSync(path.join(cache(), `pagefind-${k}`))).toBe(true)
  })

  it('after one page changed, rewrites only its shard and keeps the others’ files', async () => {
    const { shards } = await buildSearchIndex(out(), cache(), 8)
    expect(shards).toBeGreaterThan(1)
    const before = files(site())
    page('talk-3', '改期后的报告会：焊接技术与工匠精神')
    await buildSearchIndex(out(), cache(), 8)
    const after = files(site())
    const changedDirs = new Set(
      [...after.keys()].filter((f) => before.get(f) !== after.get(f)).map((f) => /^(shard-\d+)\//.exec(f)?.[1] ?? ''),
    )
    expect(changedDirs.size).toBe(1)
  })

  it('back under the limit, is one index again and leaves no shard behind', async () => {
    await buildSearchIndex(out(), cache(), 5)
    const { shards } = await buildSearchIndex(out(), cache(), 1_000)
    expect(shards).toBe(1)
    expect(readdirSync(site()).filter((f) => f.startsWith('shard-'))).toEqual([])
    expect(readdirSync(cache()).filter((f) => /^pagefind-\d+$/.test(f))).toEqual([])
    expect(pageCount(site())).toBe(20 + extra)
    expect(files(site())).toEqual(freshIndex())
  })

  it('updates a live index in place: files both indexes name stay the same file, the rest follow', async () => {
    await buildSearchIndex(out(), cache(), 10)
    const inode = (f: string) => statSync(path.join(site(), f)).ino
    const kept = [...files(site()).keys()].filter((f) => f.includes('fragment/'))
    const inodes = new Map(kept.map((f) => [f, inode(f)]))
    page('talk-5', '新增内容：高原铁路养护')
    await buildSearchIndex(out(), cache(), 10)
    const now = files(site())
    const still = kept.filter((f) => now.has(f))
    expect(still.length).toBe(kept.length - 1)
    for (const f of still) expect(inode(f)).toBe(inodes.get(f))
  })
})

describe('shard settings', () => {
  it('puts a page in the same shard every time, and spreads pages over all shards', () => {
    const pages = Array.from(
      { length: 400 },
      (_, i) => `talks/t-${i}-${Math.random().toString(36).slice(2)}/index.html`,
    )
    for (const count of [2, 3, 5]) {
      const shards = pages.map((p) => shardOf(p, count))
      expect(pages.map((p) => shardOf(p, count))).toEqual(shards)
      for (let k = 1; k <= count; k++) expect(shards.filter((s) => s === k).length).toBeGreaterThan(400 / count / 2)
    }
  })

  it('reads the limit from LAOMO_SEARCH_SHARD_PAGES and refuses one that is not a count', () => {
    expect(pagesPerIndex({})).toBe(PAGES_PER_INDEX)
    expect(pagesPerIndex({ LAOMO_SEARCH_SHARD_PAGES: '25' })).toBe(25)
    for (const bad of ['0', '-3', '2.5', 'many'])
      expect(() => pagesPerIndex({ LAOMO_SEARCH_SHARD_PAGES: bad })).toThrow(/LAOMO_SEARCH_SHARD_PAGES/)
  })

  it('splits exactly the pages pagefind.yml has Pagefind read', () => {
    const glob = indexGlob()
    expect(readFileSync('pagefind.yml', 'utf8')).toContain(glob)
    mkdirSync(path.join(out(), 'client/talks/2026/05'), { recursive: true })
    writeFileSync(path.join(out(), 'client/talks/2026/05/index.html'), '<html></html>')
    expect(indexedPages(path.join(out(), 'client'))).toHaveLength(20)
  })
})
