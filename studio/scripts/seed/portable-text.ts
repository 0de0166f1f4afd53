/** Sanity document pieces: Portable Text, image assets for the import, references. */
import { PLACEHOLDER_CREDIT } from './data/site.ts'
import { key } from './random.ts'

export type Json = Record<string, unknown>

export interface CaptionedImage {
  file: string
  alt: string
  caption: string
}

/** A paragraph, a heading or quote, a bullet, or a captioned image. */
export type BodyItem =
  string | { style: 'h2' | 'h3' | 'blockquote'; text: string } | { bullet: string } | { image: CaptionedImage }

export function portableText(ctx: string, items: readonly BodyItem[]): Json[] {
  return items.map((item, i) => {
    if (typeof item === 'object' && 'image' in item) {
      return { _type: 'captionedImage', _key: key(ctx, 'img', i), ...captionedImageFields(item.image) }
    }
    const text = typeof item === 'string' ? item : 'bullet' in item ? item.bullet : item.text
    const style = typeof item === 'object' && 'style' in item ? item.style : 'normal'
    const listProps = typeof item === 'object' && 'bullet' in item ? { listItem: 'bullet', level: 1 } : {}
    return {
      _type: 'block',
      _key: key(ctx, 'block', i),
      style,
      ...listProps,
      markDefs: [],
      children: [{ _type: 'span', _key: key(ctx, 'span', i), text, marks: [] }],
    }
  })
}

/** Sanity's import format: the importer uploads the file and puts an asset reference in its place. */
export const asset = (file: string): string => `image@file://./images/${file}`

export function captionedImageFields(img: CaptionedImage): Json {
  return { _sanityAsset: asset(img.file), alt: img.alt, caption: img.caption, credit: PLACEHOLDER_CREDIT }
}

export const ref = (id: string): Json => ({ _type: 'reference', _ref: id })
export const refItem = (ctx: string, id: string): Json => ({ _type: 'reference', _key: key(ctx, id), _ref: id })
