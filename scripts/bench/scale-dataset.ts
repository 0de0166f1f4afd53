/**
 * Scaled copies of the sample dataset for the growth and map benchmarks: the same NDJSON layout
 * (`sanity dataset import`), N copies of every talk, worker, photo, story and talk request with
 * unique ids and slugs, references rewired inside each copy, and image assets pointing at the
 * existing files in `studio/seed/images/` (no new images). Tours and site settings stay single.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export type Doc = { _id: string; _type: string; [key: string]: unknown }

/** Types that grow with the content; the rest (tours, settings) are a fixed handful. */
export const SCALED_TYPES = new Set(['talk', 'modelWorker', 'photo', 'story', 'talkRequest'])

export interface ScaleOptions {
  /** Exact number of talks wanted; everything else scales with ceil(talks / sample talks). */
  talks: number
  /** Rewrites an asset path of the sample (e.g. "./images/x.jpg") for the new dataset's folder. */
  assetPath?: (relative: string) => string
}

const ASSET_RE = /^image@file:\/\/(.+)$/

/** Copy 0 keeps the sample's ids, so the 1× dataset is the sample itself. */
export const copyId = (id: string, copy: number): string => (copy === 0 ? id : `${id}-x${copy + 1}`)

/** Small deterministic hash (FNV-1a) → [0, 1): jitter without randomness between runs. */
function unit(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0) / 2 ** 32
}

export function scaleDocuments(sample: readonly Doc[], options: ScaleOptions): Doc[] {
  const sampleTalks = sample.filter((d) => d._type === 'talk')
  if (sampleTalks.length === 0) throw new Error('scaleDocuments: the sample has no talks')
  if (!Number.isInteger(options.talks) || options.talks < 1) throw new Error('scaleDocuments: talks must be ≥ 1')
  const copies = Math.ceil(options.talks / sampleTalks.length)
  const lastCopyTalks = options.talks - (copies - 1) * sampleTalks.length
  const keptLastTalks = new Set(sampleTalks.slice(0, lastCopyTalks).map((t) => t._id))
  const scaledIds = new Set(sample.filter((d) => SCALED_TYPES.has(d._type)).map((d) => d._id))
  const assetPath = options.assetPath ?? ((p: string) => p)

  const out: Doc[] = sample.filter((d) => !SCALED_TYPES.has(d._type)).map((d) => rewrite(d, -1) as Doc)
  const dropped = new Set<string>()
  for (let copy = 0; copy < copies; copy++) {
    for (const doc of sample) {
      if (!SCALED_TYPES.has(doc._type)) continue
      if (copy === copies - 1 && doc._type === 'talk' && !keptLastTalks.has(doc._id)) {
        dropped.add(copyId(doc._id, copy))
        continue
      }
      const clone = rewrite(doc, copy) as Doc
      clone._id = copyId(doc._id, copy)
      if (copy > 0 && doc._type === 'talk') jitter(clone)
      out.push(clone)
    }
  }
  return dropped.size ? out.map((d) => stripRefs(d, dropped) as Doc) : out

  /** Deep copy; references to scaled documents point into the same copy, slugs get the copy suffix. */
  function rewrite(value: unknown, copy: number): unknown {
    if (Array.isArray(value)) return value.map((v) => rewrite(v, copy))
    if (!value || typeof value !== 'object') return value
    const obj = value as Record<string, unknown>
    const res: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(obj)) {
      if (key === '_ref' && typeof v === 'string' && copy >= 0 && scaledIds.has(v)) res[key] = copyId(v, copy)
      else if (key === '_sanityAsset' && typeof v === 'string') {
        const match = ASSET_RE.exec(v)
        res[key] = match ? `image@file://${assetPath(match[1]!)}` : v
      } else if (key === 'current' && obj._type === 'slug' && typeof v === 'string' && copy > 0)
        res[key] = `${v}-x${copy + 1}`
      else res[key] = rewrite(v, copy)
    }
    return res
  }
}

/** Copies of a talk are held at nearby venues (±0.03°), so the map does not stack identical points. */
function jitter(talk: Doc): void {
  const loc = talk.location as { lat?: number; lng?: number } | undefined
  if (!loc || typeof loc.lat !== 'number' || typeof loc.lng !== 'number') return
  talk.location = {
    ...loc,
    lat: Math.round((loc.lat + (unit(`${talk._id}/lat`) - 0.5) * 0.06) * 1e5) / 1e5,
    lng: Math.round((loc.lng + (unit(`${talk._id}/lng`) - 0.5) * 0.06) * 1e5) / 1e5,
  }
}

/** Removes references to talks cut from the last copy (a photo's `talk`, a request's `talk`). */
function stripRefs(value: unknown, dropped: Set<string>): unknown {
  if (Array.isArray(value))
    return value
      .filter((v) => !(v && typeof v === 'object' && dropped.has((v as { _ref?: string })._ref ?? '')))
      .map((v) => stripRefs(v, dropped))
  if (!value || typeof value !== 'object') return value
  const res: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && dropped.has((v as { _ref?: string })._ref ?? '')) continue
    res[key] = stripRefs(v, dropped)
  }
  return res
}

/** A content edit, as an editor would publish it: the talk's title changes, nothing else. */
export function editDocument(docs: readonly Doc[], id: string, revision: number): Doc[] {
  if (!docs.some((d) => d._id === id)) throw new Error(`editDocument: no document ${id}`)
  return docs.map((d) => (d._id === id ? { ...d, title: `${String(d.title ?? '')}（修订 ${revision}）` } : d))
}

/** A published change to any top-level fields of one document (a shallow merge, as a Studio patch `set`). */
export function patchDocument(docs: readonly Doc[], id: string, fields: Record<string, unknown>): Doc[] {
  if (!docs.some((d) => d._id === id)) throw new Error(`patchDocument: no document ${id}`)
  return docs.map((d) => (d._id === id ? { ...d, ...fields } : d))
}

/**
 * Documents deleted as an editor must delete them: Sanity refuses to delete a document that others still
 * reference, so the references to them go first (a photo's `talk`, a story's related workers).
 */
export function deleteDocuments(docs: readonly Doc[], ids: Iterable<string>): Doc[] {
  const gone = new Set(ids)
  for (const id of gone) if (!docs.some((d) => d._id === id)) throw new Error(`deleteDocuments: no document ${id}`)
  return docs.filter((d) => !gone.has(d._id)).map((d) => stripRefs(d, gone) as Doc)
}

export const parseNdjson = (text: string): Doc[] =>
  text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc)

export const toNdjson = (docs: readonly Doc[]): string => docs.map((d) => JSON.stringify(d)).join('\n') + '\n'

/** Writes `<outDir>/data.ndjson` scaled from the sample file; images stay where the sample keeps them. */
export function writeScaledDataset(sampleFile: string, outDir: string, talks: number): { file: string; docs: Doc[] } {
  const sampleDir = path.dirname(path.resolve(sampleFile))
  mkdirSync(outDir, { recursive: true })
  const docs = scaleDocuments(parseNdjson(readFileSync(sampleFile, 'utf8')), {
    talks,
    assetPath: (relative) => {
      const rel = path.relative(outDir, path.resolve(sampleDir, relative)).split(path.sep).join('/')
      return rel.startsWith('.') ? rel : `./${rel}`
    },
  })
  const file = path.join(outDir, 'data.ndjson')
  writeFileSync(file, toNdjson(docs))
  return { file, docs }
}
