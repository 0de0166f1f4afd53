import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REAL_WORKERS, SOURCE_ARTICLE } from './seed/data/article.ts'
import { PLACEHOLDER_CREDIT } from './seed/data/site.ts'

const COMMITTED = 'studio/seed'

/** Every file under `dir`, as paths relative to it, sorted. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort()

/** Files whose bytes differ, each with the offset of its first differing byte. */
function differingFiles(a: string, b: string, files: string[]): string[] {
  return files.flatMap((f) => {
    const x = readFileSync(path.join(a, f))
    const y = readFileSync(path.join(b, f))
    if (x.equals(y)) return []
    const at = Array.from({ length: Math.min(x.length, y.length) }, (_, i) => i).find((i) => x[i] !== y[i])
    return [`${f}: ${x.length} vs ${y.length} bytes, first difference at ${at ?? Math.min(x.length, y.length)}`]
  })
}

describe('sample-dataset generator', () => {
  let out: string
  let docs: Record<string, any>[]
  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'laomo-seed-'))
    execFileSync(process.execPath, ['studio/scripts/generate-seed.ts', out], { stdio: 'pipe' })
    docs = readFileSync(path.join(out, 'data.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
  }, 120_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  // The JPEGs are rendered text, so they also pin the CJK font and sharp's libvips: a machine with
  // other fonts fails here, and the committed images should be regenerated on the reference setup.
  it('regenerates the committed studio/seed/ byte for byte: data.ndjson and every image', () => {
    const files = filesUnder(COMMITTED)
    expect(filesUnder(out)).toEqual(files)
    expect(files).toContain('data.ndjson')
    expect(files.filter((f) => f.endsWith('.jpg')).length).toBeGreaterThan(0)
    expect(differingFiles(out, COMMITTED, files)).toEqual([])
  })

  it('names real people only with what the source article states', () => {
    const workers = docs.filter((d) => d._type === 'modelWorker')
    const real = workers.filter((w) => !w.fictional)
    expect(real.map((w) => w.name).sort()).toEqual(REAL_WORKERS.map((w) => w.name).sort())
    for (const w of real) {
      expect(w.source).toBe(SOURCE_ARTICLE)
      expect(w.portrait).toBeUndefined()
      expect(w.talkTopics).toBeUndefined()
      expect(w.availableForSchools).toBe(false)
    }
  })

  it('marks every other person fictional, in the data and in the bio', () => {
    const fictional = docs.filter((d) => d._type === 'modelWorker' && d.fictional)
    expect(fictional.length).toBeGreaterThan(0)
    for (const w of fictional) {
      expect(w.fictional).toBe(true)
      expect(w.bio[0].children[0].text).toContain('虚构')
    }
  })

  it('marks every image a placeholder, and every image it refers to is written', () => {
    const assets = new Set<string>()
    const visit = (value: unknown, owner: Record<string, unknown>): void => {
      if (Array.isArray(value)) value.forEach((v) => visit(v, owner))
      else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>
        if (typeof o._sanityAsset === 'string') {
          assets.add(o._sanityAsset.replace('image@file://./', ''))
          // A photo document carries the credit itself; every other image carries its own.
          expect(o.credit ?? owner.credit).toBe(PLACEHOLDER_CREDIT)
        }
        Object.values(o).forEach((v) => visit(v, o))
      }
    }
    for (const d of docs) visit(d, d)
    for (const photo of docs.filter((d) => d._type === 'photo')) expect(photo.placeholder).toBe(true)
    expect([...assets].sort()).toEqual(filesUnder(out).filter((f) => f.endsWith('.jpg')))
  })
})
