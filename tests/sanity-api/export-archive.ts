/**
 * Writes documents as `sanity dataset export` does (@sanity/export): a `.tar.gz` holding one folder
 * `<dataset>-export-<stamp>/` with `data.ndjson` (asset fields as `_sanityAsset: "image@file://./images/
 * <sha1>-<w>x<h>.<ext>"`), `assets.json` (asset metadata keyed `image-<sha1>`), `images/` and `files/`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as tar from 'tar'
import { describeImage, imageMetadata, type Doc } from './content-lake'

export interface ExportArchiveOptions {
  /** Documents in import layout: image fields carry `_sanityAsset: "image@file://…"`. */
  documents: Doc[]
  /** What `file://./…` asset paths are relative to. */
  baseDir: string
  /** The `.tar.gz` to write. */
  out: string
  dataset?: string
  /** When the export ran (names the folder; stamps assets). */
  date?: Date
}

export async function writeExportArchive(options: ExportArchiveOptions): Promise<void> {
  const date = options.date ?? new Date('2026-05-31T12:00:00Z')
  const folder = `${options.dataset ?? 'production'}-export-${date
    .toISOString()
    .replace(/[^a-z0-9]/gi, '-')
    .toLowerCase()}`
  const work = mkdtempSync(path.join(tmpdir(), 'export-archive-'))
  const root = path.join(work, folder)
  mkdirSync(path.join(root, 'images'), { recursive: true })
  mkdirSync(path.join(root, 'files'), { recursive: true })
  const assetMap: Record<string, Record<string, unknown>> = {}

  const rewrite = async (value: unknown): Promise<unknown> => {
    if (Array.isArray(value)) return Promise.all(value.map(rewrite))
    if (!value || typeof value !== 'object') return value
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) out[key] = await rewrite(v)
    const match = typeof out._sanityAsset === 'string' && /^image@file:\/\/(.+)$/.exec(out._sanityAsset)
    if (!match) return out
    const source = match[1]!.startsWith('/') ? match[1]! : path.resolve(options.baseDir, match[1]!)
    const bytes = readFileSync(source)
    const image = await describeImage(bytes)
    const name = `${image.sha1}-${image.width}x${image.height}.${image.extension}`
    copyFileSync(source, path.join(root, 'images', name))
    // What the exporter keeps of an asset document: everything but ids, type, url and path.
    assetMap[`image-${image.sha1}`] = {
      _createdAt: date.toISOString(),
      _rev: image.sha1.slice(0, 22),
      _updatedAt: date.toISOString(),
      metadata: imageMetadata(image),
      originalFilename: path.basename(source),
      sha1hash: image.sha1,
      size: bytes.length,
    }
    return { ...out, _sanityAsset: `image@file://./images/${name}` }
  }

  try {
    const lines: string[] = []
    for (const doc of options.documents) lines.push(JSON.stringify(await rewrite(doc)))
    writeFileSync(path.join(root, 'data.ndjson'), lines.join('\n') + '\n')
    writeFileSync(path.join(root, 'assets.json'), JSON.stringify(assetMap))
    mkdirSync(path.dirname(options.out), { recursive: true })
    await tar.c({ gzip: true, file: options.out, cwd: work, portable: true }, [folder])
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Reads an NDJSON file in import layout. */
export function readNdjson(file: string): Doc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Doc)
}
