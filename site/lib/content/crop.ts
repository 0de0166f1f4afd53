/**
 * The editor's crop, applied to the file. Sanity stores a crop as fractions cut from each edge and
 * leaves the file whole; its image CDN cuts on request. We self-host, so an image with a crop is cut
 * once into the cache and the page shows that file, everywhere it appears (cards, large views,
 * sharing images). Cut files are named after the picture's bytes and the crop, so a rebuild reuses them.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import path from 'node:path'

export interface Crop {
  top: number
  bottom: number
  left: number
  right: number
}

/** Formats sharp can cut and write back as they are; others (SVG) are shown whole. */
const CUTTABLE = new Set(['.jpg', '.jpeg', '.png', '.webp', '.avif', '.tif', '.tiff'])

/** The pixel rectangle a crop keeps of a `width`×`height` picture (at least 1×1). */
export function cropRect(crop: Crop, width: number, height: number) {
  const left = Math.round(crop.left * width)
  const top = Math.round(crop.top * height)
  const right = Math.round(crop.right * width)
  const bottom = Math.round(crop.bottom * height)
  return { left, top, width: Math.max(1, width - left - right), height: Math.max(1, height - top - bottom) }
}

/** Cuts `file` to `crop` into `cacheDir` (once) and returns the cut file, or null when it cannot. */
export async function croppedFile(file: string, crop: Crop, cacheDir: string): Promise<string | null> {
  const ext = path.extname(file).toLowerCase()
  if (!CUTTABLE.has(ext) || !existsSync(file)) return null
  // Named after the picture's content and the crop, not where it was read from: the same picture cut
  // the same way is the same file (and page) from a dataset file, an export or a Sanity download.
  const source = readFileSync(file)
  const name = createHash('sha1')
    .update(source)
    .update(JSON.stringify([crop.top, crop.bottom, crop.left, crop.right]))
    .digest('hex')
  const target = path.join(cacheDir, `${name}${ext}`)
  if (existsSync(target)) return target
  mkdirSync(cacheDir, { recursive: true })
  const { default: sharp } = await import('sharp')
  // EXIF orientation first: the Studio shows (and crops) the picture upright.
  const upright = await sharp(source).rotate().toBuffer({ resolveWithObject: true })
  const temp = `${target}.${process.pid}.tmp`
  await sharp(upright.data)
    .extract(cropRect(crop, upright.info.width, upright.info.height))
    .toFile(temp)
  renameSync(temp, target)
  return target
}

type Node = Record<string, unknown>

/**
 * Every image in an entry (objects with a string `src` and a `crop`) gets its cut file; paths are
 * relative to `entryDir`, as Astro's image() helper resolves them. Returns what could not be cut.
 */
export async function applyCrops(data: unknown, entryDir: string, cacheDir: string): Promise<string[]> {
  // Found first, without awaiting at every node: most entries have no crop, and at 200× the sample an
  // await per node of every entry was seconds of content sync.
  const cropped: { node: Node; at: string }[] = []
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${at}[${i}]`))
      return
    }
    if (!value || typeof value !== 'object') return
    const node = value as Node
    if (typeof node.src === 'string' && node.crop) cropped.push({ node, at })
    else for (const [key, child] of Object.entries(node)) visit(child, at ? `${at}.${key}` : key)
  }
  visit(data, '')
  const problems: string[] = []
  for (const { node, at } of cropped) {
    const src = node.src as string
    const crop = node.crop as Crop
    delete node.crop
    if (/^[a-z]+:/i.test(src)) continue
    try {
      const cut = await croppedFile(path.resolve(entryDir, src), crop, cacheDir)
      if (cut) {
        const rel = path.relative(entryDir, cut).split(path.sep).join('/')
        node.src = rel.startsWith('../') ? rel : `./${rel}`
        // The file's own size now; the asset's would be the uncut one.
        delete node.width
        delete node.height
      }
    } catch (error) {
      problems.push(`${at}: crop could not be applied (${(error as Error).message}) — image shown whole`)
    }
  }
  return problems
}
