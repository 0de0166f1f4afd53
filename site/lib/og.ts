/** A sharing (Open Graph) image from a content image: a JPEG rendered into the build output. */
import { getImage } from 'astro:assets'
import type { ImageMetadata } from 'astro'

export async function ogImageOf(image: { src: ImageMetadata | string; height?: number } | undefined) {
  if (!image) return undefined
  const result = await getImage({
    src: image.src,
    width: 1200,
    format: 'jpeg',
    ...(typeof image.src === 'string' ? { height: image.height ?? 800 } : {}),
  })
  return result.src
}
