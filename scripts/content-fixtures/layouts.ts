/**
 * Writes a dataset in the two layouts the site reads (`LAOMO_DATASET`):
 *
 * - import layout: a folder with `data.ndjson` + `images/<name>`, as an editor prepares it for
 *   `sanity dataset import`: no system fields, image fields as `{ _type, _sanityAsset: "image@file://./images/…", … }`.
 * - export layout: a `.tar.gz` exactly as `sanity dataset export` writes it (node_modules/@sanity/export:
 *   export.ts, AssetHandler.ts): one top folder `<dataset>-export-<stamp>/` holding `data.ndjson` (every
 *   document but asset documents, asset fields rewritten to `_sanityAsset` first), `assets.json` (asset id →
 *   the asset document without `_id _type assetId extension mimeType path uploadId url`), `files/` and
 *   `images/<sha1>-<w>x<h>.<ext>`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Pack } from 'tar'
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { Asset } from './assets.ts'
import { DATASET } from './assets.ts'
import type { Doc } from './ids.ts'
import { NOW, type Dataset } from './model.ts'

const SYSTEM = new Set(['_createdAt', '_updatedAt', '_rev'])

/** Replaces every `{ asset: { _ref } }` object inside `value` (AssetHandler.findAndModify, ACTION_REWRITE). */
function rewriteAssets(value: unknown, location: (assetId: string) => string, importStyle: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteAssets(v, location, importStyle))
  if (!value || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  const asset = record.asset as { _ref?: unknown } | undefined
  if (typeof asset?._ref === 'string' && /^(image|file)-/.test(asset._ref)) {
    const type = asset._ref.startsWith('image-') ? 'image' : 'file'
    // The export puts `_sanityAsset` first; a hand-written import file usually starts with `_type`.
    if (importStyle && '_type' in record) out._type = record._type
    out._sanityAsset = `${type}@file://./${location(asset._ref)}`
  }
  for (const [k, v] of Object.entries(record)) {
    if (k === 'asset' && '_sanityAsset' in out) continue
    if (k in out) continue
    out[k] = rewriteAssets(v, location, importStyle)
  }
  return out
}

const ndjson = (docs: unknown[]) => docs.map((d) => JSON.stringify(d)).join('\n') + '\n'

/** Documents an import folder holds: no Content Lake system documents (`_.…` cannot be imported). */
export const importable = (docs: Doc[]) => docs.filter((d) => !d._id.startsWith('_.'))

/** Writes the import folder; returns its path. */
export function writeImportLayout(dataset: Dataset, dir: string): string {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'images'), { recursive: true })
  const byId = new Map(dataset.assets.map((a) => [a.doc._id, a]))
  const used = new Set<Asset>()
  const location = (assetId: string) => {
    const asset = byId.get(assetId)
    if (!asset) throw new Error(`${dataset.name}: unknown asset ${assetId}`)
    used.add(asset)
    return `images/${asset.name}`
  }
  const docs = importable(dataset.documents).map((doc) => {
    const plain = Object.fromEntries(Object.entries(doc).filter(([k]) => !SYSTEM.has(k)))
    return rewriteAssets(plain, location, true)
  })
  writeFileSync(path.join(dir, 'data.ndjson'), ndjson(docs))
  for (const asset of used) writeFileSync(path.join(dir, 'images', asset.name), asset.bytes)
  return dir
}

/** `sanity dataset export`'s file name for an asset id (AssetHandler generateFilename). */
export function exportedFileName(assetId: string): string {
  const match = /^(image|file)-(.*?)(-[a-z]+)?$/.exec(assetId)
  return `${match![2]}.${(match![3] ?? '-bin').slice(1)}`
}

const ASSET_PROPS_LEFT_OUT = new Set(['_id', '_type', 'assetId', 'extension', 'mimeType', 'path', 'uploadId', 'url'])

/** The export's top folder: `<dataset>-export-<ISO time with every non-alphanumeric as "-", lower case>`. */
export const exportFolderName = (stamp = NOW) =>
  `${DATASET}-export-${new Date(stamp)
    .toISOString()
    .replace(/[^a-z0-9]/gi, '-')
    .toLowerCase()}`

/** Writes the export archive; returns its path. `staging` is a scratch folder, removed afterwards. */
export async function writeExportLayout(dataset: Dataset, file: string, staging: string): Promise<string> {
  const prefix = exportFolderName()
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(path.join(staging, 'files'), { recursive: true })
  mkdirSync(path.join(staging, 'images'), { recursive: true })
  const folder = (assetId: string) => (assetId.startsWith('image-') ? 'images' : 'files')
  const location = (assetId: string) => `${folder(assetId)}/${exportedFileName(assetId)}`
  // The export endpoint streams documents in _id order; asset documents are dropped from data.ndjson.
  const docs = [...dataset.documents]
    .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
    .map((doc) => rewriteAssets(doc, location, false))
  writeFileSync(path.join(staging, 'data.ndjson'), ndjson(docs))
  // Every asset document is downloaded, referenced or not; assets.json keys are `<image|file>-<sha1>`.
  const assetMap: Record<string, Record<string, unknown>> = {}
  const entries: string[] = []
  for (const asset of [...dataset.assets].sort((a, b) => (a.doc._id < b.doc._id ? -1 : 1))) {
    const rel = location(asset.doc._id)
    writeFileSync(path.join(staging, rel), asset.bytes)
    entries.push(rel)
    const type = asset.doc._type === 'sanity.imageAsset' ? 'image' : 'file'
    assetMap[`${type}-${asset.doc.sha1hash}`] = Object.fromEntries(
      Object.entries(asset.doc).filter(([k]) => !ASSET_PROPS_LEFT_OUT.has(k)),
    )
  }
  writeFileSync(path.join(staging, 'assets.json'), JSON.stringify(assetMap))
  mkdirSync(path.dirname(file), { recursive: true })
  // Same entry order as the export (data, assets map, files, images); fixed mtime and sorted files for
  // byte-identical archives.
  const pack = new Pack({
    cwd: staging,
    prefix,
    portable: true,
    gzip: true,
    mtime: new Date(NOW),
    noDirRecurse: true,
  })
  const written = pipeline(pack, createWriteStream(file))
  const ordered = [
    'data.ndjson',
    'assets.json',
    'files',
    ...entries.filter((e) => e.startsWith('files/')).sort(),
    'images',
    ...entries.filter((e) => e.startsWith('images/')).sort(),
  ]
  for (const entry of ordered) pack.add(entry)
  pack.end()
  await written
  rmSync(staging, { recursive: true, force: true })
  return file
}
