/**
 * Placeholder image (and file) assets: flat-colour pictures made with sharp, a few KB each, and the
 * `sanity.imageAsset` / `sanity.fileAsset` documents the Content Lake would hold for them after an upload
 * (ids `image-<sha1>-<w>x<h>-<ext>` from the file's bytes and real pixel size).
 */
import sharp from 'sharp'
import { rev, sha1, type Doc } from './ids.ts'

/** A fictional project: asset URLs and paths name it, as they name a real one. */
export const PROJECT_ID = 'laomo0fx'
export const DATASET = 'production'

export interface Asset {
  /** The asset document as the Content Lake stores it. */
  doc: Doc
  bytes: Buffer
  /** The file name an editor preparing an import folder would give it (`images/<name>`). */
  name: string
}

export interface ImageSpec {
  name: string
  format: 'png' | 'jpg' | 'webp'
  width: number
  height: number
  /** Flat fill colour, `#rrggbb`. */
  colour: string
  uploadedAt: string
}

const MIME = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' } as const

async function encode(spec: ImageSpec): Promise<Buffer> {
  const image = sharp({ create: { width: spec.width, height: spec.height, channels: 3, background: spec.colour } })
  if (spec.format === 'png') return image.png({ compressionLevel: 9, palette: true }).toBuffer()
  if (spec.format === 'jpg') return image.jpeg({ quality: 60 }).toBuffer()
  return image.webp({ quality: 60 }).toBuffer()
}

/** A tiny blurred preview, as Sanity stores in `metadata.lqip`. */
async function lqip(spec: ImageSpec): Promise<string> {
  const height = Math.max(1, Math.round((20 * spec.height) / spec.width))
  const bytes = await sharp({ create: { width: 20, height, channels: 3, background: spec.colour } })
    .jpeg({ quality: 40 })
    .toBuffer()
  return `data:image/jpeg;base64,${bytes.toString('base64')}`
}

export async function imageAsset(spec: ImageSpec): Promise<Asset> {
  const bytes = await encode(spec)
  // The file really has the size the id claims.
  const meta = await sharp(bytes).metadata()
  if (meta.width !== spec.width || meta.height !== spec.height) throw new Error(`${spec.name}: size mismatch`)
  const hash = sha1(bytes)
  const dims = `${spec.width}x${spec.height}`
  const stored = `${hash}-${dims}.${spec.format}`
  const doc: Doc = {
    _id: `image-${hash}-${dims}-${spec.format}`,
    _type: 'sanity.imageAsset',
    _createdAt: spec.uploadedAt,
    _updatedAt: spec.uploadedAt,
    _rev: rev(`asset|${spec.name}`),
    assetId: hash,
    extension: spec.format,
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: {
        _type: 'sanity.imageDimensions',
        aspectRatio: spec.width / spec.height,
        height: spec.height,
        width: spec.width,
      },
      hasAlpha: false,
      isOpaque: true,
      lqip: await lqip(spec),
      palette: {
        _type: 'sanity.imagePalette',
        dominant: {
          _type: 'sanity.imagePaletteSwatch',
          background: spec.colour,
          foreground: '#fff',
          population: 100,
          title: '#fff',
        },
      },
    },
    mimeType: MIME[spec.format],
    originalFilename: `${spec.name}.${spec.format}`,
    path: `images/${PROJECT_ID}/${DATASET}/${stored}`,
    sha1hash: hash,
    size: bytes.length,
    uploadId: sha1(`upload|${spec.name}`).slice(0, 32),
    url: `https://cdn.sanity.io/images/${PROJECT_ID}/${DATASET}/${stored}`,
  }
  return { doc, bytes, name: `${spec.name}.${spec.format}` }
}

/** A non-image upload (e.g. through a media plugin): exported into `files/`, never referenced by the site. */
export function fileAsset(name: string, extension: string, mimeType: string, text: string, uploadedAt: string): Asset {
  const bytes = Buffer.from(text, 'utf8')
  const hash = sha1(bytes)
  const stored = `${hash}.${extension}`
  const doc: Doc = {
    _id: `file-${hash}-${extension}`,
    _type: 'sanity.fileAsset',
    _createdAt: uploadedAt,
    _updatedAt: uploadedAt,
    _rev: rev(`asset|${name}`),
    assetId: hash,
    extension,
    mimeType,
    originalFilename: `${name}.${extension}`,
    path: `files/${PROJECT_ID}/${DATASET}/${stored}`,
    sha1hash: hash,
    size: bytes.length,
    uploadId: sha1(`upload|${name}`).slice(0, 32),
    url: `https://cdn.sanity.io/files/${PROJECT_ID}/${DATASET}/${stored}`,
  }
  return { doc, bytes, name: `${name}.${extension}` }
}

/** An image field as the Studio stores it: a reference to the asset, then crop/hotspot/alt/… as given. */
export function imageField(asset: Asset, extra: Record<string, unknown> = {}, type = 'image'): Record<string, unknown> {
  return { _type: type, asset: { _ref: asset.doc._id, _type: 'reference' }, ...extra }
}

/** Crop (fractions cut from each edge) and hotspot (centre and size, 0–1) as the Studio's image tool writes them. */
export function cropAndHotspot(
  crop: [top: number, bottom: number, left: number, right: number],
  hotspot: [x: number, y: number, width: number, height: number],
): Record<string, unknown> {
  const [top, bottom, left, right] = crop
  const [x, y, width, height] = hotspot
  return {
    crop: { _type: 'sanity.imageCrop', bottom, left, right, top },
    hotspot: { _type: 'sanity.imageHotspot', height, width, x, y },
  }
}
