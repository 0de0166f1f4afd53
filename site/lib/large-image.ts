/**
 * How a content image goes to `getImage()`: its source and format, the same for every rendition (Img.astro
 * renders each content image with them), and the large rendition of a photo: what its own page (/photos/<id>/)
 * shows and what the gallery's large view loads when opened. One set of parameters, so both use the same files.
 */
import { getImage } from 'astro:assets'
import type { ImageMetadata } from 'astro'

export const LARGE_WIDTHS = [640, 1200, 1600]
export const LARGE_SIZES = '(max-width: 72rem) 100vw, 70rem'
/** As Img.astro renders every content image. */
export const IMAGE_FORMAT = { format: 'webp', quality: 72 } as const

type ContentImage = { src: ImageMetadata | string; width?: number; height?: number }

/** What `getImage()` needs of a content image: remote (Sanity) images need their size up front, local ones carry it. */
export const imageSource = (image: ContentImage) =>
  typeof image.src === 'string'
    ? { src: image.src, width: image.width ?? 1200, height: image.height ?? 800 }
    : { src: image.src }

export async function largeImageOf(image: ContentImage) {
  // As Img.astro passes them, so the transforms match.
  const source = imageSource(image)
  const result = await getImage({ ...source, widths: LARGE_WIDTHS, ...IMAGE_FORMAT })
  const size = typeof image.src === 'string' ? source : image.src
  return { src: result.src, srcset: result.srcSet.attribute, width: size.width, height: size.height }
}
