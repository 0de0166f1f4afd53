/**
 * Reads a dataset in `sanity dataset import` / `sanity dataset export` layout — an NDJSON file,
 * a folder holding `data.ndjson` (+ `images/`), or an export `.tar.gz` — into plain documents,
 * as Sanity's `published` perspective sees them (the public site), or its `drafts` perspective (the
 * preview: each `drafts.<id>` in place of `<id>`, a never-published draft as a document of its own).
 *
 * Image and file fields in that layout carry `_sanityAsset: "image@file://./images/x.jpg"` instead
 * of an asset reference. We turn each into a reference to a synthesised asset document (with the
 * export's assets.json metadata), so the same `asset->…` projections work here and against a real
 * Sanity project. System fields (`_createdAt`, `_rev` …) pass through; the queries ignore them.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export type SanityDocument = { _id: string; _type: string; [key: string]: unknown }
export type Perspective = 'published' | 'drafts'

export interface LoadedDataset {
  /** Absolute path of the NDJSON file read. */
  file: string
  documents: SanityDocument[]
  /** Problems found while reading (bad JSON lines, missing image files); never thrown. */
  warnings: string[]
}

export const DEFAULT_DATASET = path.resolve(import.meta.dirname, '../studio/seed/data.ndjson')

/** Resolve `LAOMO_DATASET`-style input to the NDJSON file to read. */
export async function resolveDatasetFile(input: string, cacheDir: string): Promise<string> {
  const abs = path.resolve(input)
  if (!existsSync(abs)) throw new Error(`LAOMO_DATASET: ${abs} does not exist`)
  if (statSync(abs).isDirectory()) return findNdjson(abs)
  if (/\.(tar\.gz|tgz)$/.test(abs)) {
    const digest = createHash('sha1')
      .update(abs)
      .update(String(statSync(abs).mtimeMs))
      .digest('hex')
      .slice(0, 12)
    const target = path.join(cacheDir, digest)
    if (!existsSync(target)) {
      mkdirSync(target, { recursive: true })
      const tar = await import('tar')
      await tar.x({ file: abs, cwd: target })
    }
    return findNdjson(target)
  }
  return abs
}

function findNdjson(dir: string): string {
  for (const candidate of ['data.ndjson', ...subdirs(dir).map((d) => path.join(d, 'data.ndjson'))]) {
    const file = path.join(dir, candidate)
    if (existsSync(file)) return file
  }
  throw new Error(`LAOMO_DATASET: no data.ndjson in ${dir}`)
}

function subdirs(dir: string): string[] {
  // An export archive holds one top-level folder named after the dataset.
  return readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory())
}

const ASSET_RE = /^(image|file)@file:\/\/(.+)$/
/** How `sanity dataset export` names a file: the asset's sha1, then (images) its pixel size. */
const EXPORTED_NAME_RE = /^([0-9a-f]{40})(?:-(\d+)x(\d+))?\.(\w+)$/

/** Per-asset metadata an export keeps in `assets.json` ("image-<sha1>" → metadata, dimensions …). */
function readAssetsJson(dir: string, warnings: string[]): Record<string, Record<string, unknown>> {
  const file = path.join(dir, 'assets.json')
  if (!existsSync(file)) return {}
  try {
    return JSON.parse(readFileSync(file, 'utf8')) ?? {}
  } catch (error) {
    warnings.push(`assets.json: not valid JSON (${(error as Error).message}) — asset metadata ignored`)
    return {}
  }
}

/**
 * The asset document the Content Lake would hold for an exported file: Sanity's own id
 * (`image-<sha1>-<w>x<h>-<ext>`) when the file is named as an export names it, its metadata
 * from assets.json, and a URL relative to the NDJSON file for Astro's image() helper.
 */
function assetDocument(
  kind: string,
  relative: string,
  absolute: string,
  dir: string,
  meta: Record<string, Record<string, unknown>>,
): SanityDocument {
  const ext = path.extname(relative).slice(1).toLowerCase()
  const exported = EXPORTED_NAME_RE.exec(path.basename(relative))
  const [, sha1, width, height] = exported ?? []
  const id = sha1
    ? `${kind}-${sha1}${width ? `-${width}x${height}` : ''}-${ext}`
    : `${kind}-${createHash('sha1').update(relative).digest('hex')}-${ext}`
  const known = sha1 ? (meta[`${kind}-${sha1}`] ?? {}) : {}
  const dimensions = width
    ? { width: Number(width), height: Number(height), aspectRatio: Number(width) / Number(height) }
    : undefined
  const metadata = { ...(dimensions ? { dimensions } : {}), ...((known.metadata as object) ?? {}) }
  return {
    ...known,
    _id: id,
    _type: kind === 'image' ? 'sanity.imageAsset' : 'sanity.fileAsset',
    // Relative to the NDJSON file: Astro's image() resolves it against the entry's filePath.
    url: toRelativeUrl(dir, absolute),
    path: absolute,
    extension: ext,
    ...(Object.keys(metadata).length ? { metadata } : {}),
  }
}

/** "./images/x.jpg" or "../other/x.jpg": always relative, as Astro's image() expects. */
function toRelativeUrl(dir: string, absolute: string): string {
  const rel = path.relative(dir, absolute).split(path.sep).join('/')
  return rel.startsWith('../') ? rel : `./${rel}`
}

export function parseDataset(file: string, text: string, perspective: Perspective = 'published'): LoadedDataset {
  const documents: SanityDocument[] = []
  const drafts: SanityDocument[] = []
  const warnings: string[] = []
  const assets = new Map<string, SanityDocument>()
  const dir = path.dirname(file)
  const meta = readAssetsJson(dir, warnings)

  const convertAssets = (value: unknown, docId: string, fieldPath: string): unknown => {
    if (Array.isArray(value)) return value.map((v, i) => convertAssets(v, docId, `${fieldPath}[${i}]`))
    if (!value || typeof value !== 'object') return value
    const obj = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(obj)) {
      if (key === '_sanityAsset' && typeof v === 'string') {
        const match = ASSET_RE.exec(v)
        if (!match) continue
        const [, kind, relative] = match as unknown as [string, string, string]
        const absolute = path.resolve(dir, relative)
        if (!existsSync(absolute)) {
          warnings.push(`${docId}: ${fieldPath || kind} points to missing file ${relative}`)
          continue
        }
        const asset = assetDocument(kind, relative, absolute, dir, meta)
        if (!assets.has(asset._id)) assets.set(asset._id, asset)
        out.asset = { _type: 'reference', _ref: asset._id }
        continue
      }
      out[key] = convertAssets(v, docId, fieldPath ? `${fieldPath}.${key}` : key)
    }
    return out
  }

  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return
    let doc: SanityDocument
    try {
      doc = JSON.parse(line)
    } catch (error) {
      warnings.push(`${path.basename(file)} line ${index + 1}: not valid JSON (${(error as Error).message})`)
      return
    }
    if (typeof doc?._id !== 'string' || typeof doc?._type !== 'string') {
      warnings.push(`${path.basename(file)} line ${index + 1}: document without _id or _type`)
      return
    }
    // Release versions are never shown; drafts only in the drafts perspective (the preview).
    if (doc._id.startsWith('versions.')) return
    if (doc._id.startsWith('drafts.')) {
      if (perspective === 'drafts') drafts.push(convertAssets(doc, doc._id, '') as SanityDocument)
      return
    }
    documents.push(convertAssets(doc, doc._id, '') as SanityDocument)
  })
  // As Sanity's drafts perspective answers: the draft under the published id, its own id as _originalId.
  for (const draft of drafts) {
    const id = draft._id.slice('drafts.'.length)
    const overlay = { ...draft, _id: id, _originalId: draft._id }
    const at = documents.findIndex((d) => d._id === id)
    if (at >= 0) documents[at] = overlay
    else documents.push(overlay)
  }
  documents.push(...assets.values())
  return { file, documents, warnings }
}

export function loadDatasetFile(file: string, perspective: Perspective = 'published'): LoadedDataset {
  return parseDataset(file, readFileSync(file, 'utf8'), perspective)
}
