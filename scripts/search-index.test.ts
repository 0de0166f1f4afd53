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
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildSearchIndex, metaNames, pruneBundle, referencedNames } from './search-index.ts'

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

/** Every file under `root` with its bytes, by relative path. */
function files(root: string): Map<string, string> {
  const all = new Map<string, string>()
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
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
  it('puts the index into the site and keeps it in the cache', () => {
    const { removed } = buildSearchIndex(out(), cache())
    expect(removed).toBe(0)
    const placed = files(path.join(out(), 'client/pagefind'))
    expect(placed).toEqual(freshIndex())
    expect(files(bundle())).toEqual(placed)
    const entry = JSON.parse(readFileSync(path.join(out(), 'client/pagefind/pagefind-entry.json'), 'utf8'))
    expect(entry.languages['zh-cn'].page_count).toBe(20)
  })

  it('after a page changed, leaves exactly what a fresh index would and drops what the old one needed', () => {
    buildSearchIndex(out(), cache())
    const before = new Set(files(bundle()).keys())
    // Backdate the kept files: any that Pagefind writes again gets a new modification time.
    const past = new Date('2020-01-01T00:00:00Z')
    for (const f of before) utimesSync(path.join(bundle(), f), past, past)
    // A publish: the output is emptied and written again, one page with new text.
    rmSync(out(), { recursive: true })
    for (let i = 1; i <= 20; i++) page(`talk-${i}`, `第${i}场报告会，劳模讲述岗位故事`)
    page('talk-7', '改期后的报告会：焊接技术与工匠精神')

    const { removed } = buildSearchIndex(out(), cache())
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

  it('removes nothing when the meta file is not in the format it reads', () => {
    buildSearchIndex(out(), cache())
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

  it('removes nothing when the meta file names fewer fragments than there are pages', () => {
    buildSearchIndex(out(), cache())
    // A well-formed meta file listing no pages, chunks or filters: [version, [], [], [], [], []].
    const empty = [0x86, 0x65, ...Buffer.from('1.6.0'), 0x80, 0x80, 0x80, 0x80, 0x80]
    writeFileSync(metaFile(), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(empty)])))
    const before = files(bundle())
    expect(() => pruneBundle(bundle())).toThrow(/0 page fragments for 20 pages.*nothing was removed/)
    expect(files(bundle())).toEqual(before)
  })

  it('reads every fragment, index chunk and filter the meta file names, and nothing else', () => {
    buildSearchIndex(out(), cache())
    const names = metaNames(metaFile())
    const onDisk = ['fragment', 'index', 'filter'].flatMap((d) =>
      existsSync(path.join(bundle(), d))
        ? readdirSync(path.join(bundle(), d)).map((f) => f.replace(/\.[^.]+$/, ''))
        : [],
    )
    expect(onDisk.some((n) => readdirSync(path.join(bundle(), 'filter')).includes(`${n}.pf_filter`))).toBe(true)
    expect(new Set(names)).toEqual(new Set(onDisk))
  })

  it('does not reuse the files of a run that died half-way', () => {
    buildSearchIndex(out(), cache())
    // A truncated fragment under the name the next run would skip, as a killed run could leave it.
    const fragment = readdirSync(path.join(bundle(), 'fragment'))[0]!
    writeFileSync(path.join(bundle(), 'fragment', fragment), '')
    writeFileSync(path.join(bundle(), '.incomplete'), '')

    buildSearchIndex(out(), cache())
    expect(files(path.join(out(), 'client/pagefind'))).toEqual(freshIndex())
    expect(existsSync(path.join(bundle(), '.incomplete'))).toBe(false)
  })

  it('fails with Pagefind’s reason when there is nothing to index, and keeps no half-written index', () => {
    rmSync(path.join(out(), 'client/talks'), { recursive: true })
    mkdirSync(path.join(out(), 'client'), { recursive: true })
    expect(() => buildSearchIndex(out(), cache())).toThrow(/Pagefind failed[\s\S]*not able to build an index/)
    expect(existsSync(bundle())).toBe(false)
  })
})
