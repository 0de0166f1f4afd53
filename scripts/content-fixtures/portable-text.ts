/**
 * Portable Text exactly as the Studio's editor stores it (blockContent): every block has `_key`, `style`,
 * `markDefs` and spans with `marks`, lists carry `listItem` + `level`, links are `markDefs` entries referred
 * to from span marks, figures are `captionedImage` items between blocks.
 */
import { key } from './ids.ts'

type Block = Record<string, unknown>

/** A run of text: plain, or with decorators (`strong`, `em`) and/or a link (`{ href }`). */
export type Run = string | { text: string; marks?: ('strong' | 'em')[]; href?: string }

export interface BlockOptions {
  style?: 'normal' | 'h2' | 'h3' | 'blockquote'
  listItem?: 'bullet' | 'number'
  level?: number
}

/** One block; `scope` makes its keys unique within the document. */
export function block(scope: string, runs: Run[], options: BlockOptions = {}): Block {
  const markDefs: Block[] = []
  const children = runs.map((run, i) => {
    const r = typeof run === 'string' ? { text: run } : run
    const marks: string[] = [...(r.marks ?? [])]
    if (r.href) {
      const linkKey = key(scope, 'link', i)
      markDefs.push({ _key: linkKey, _type: 'link', href: r.href })
      marks.push(linkKey)
    }
    return { _key: key(scope, 'span', i), _type: 'span', marks, text: r.text }
  })
  return {
    _key: key(scope, 'block'),
    _type: 'block',
    children,
    ...(options.listItem ? { level: options.level ?? 1, listItem: options.listItem } : {}),
    markDefs,
    style: options.style ?? 'normal',
  }
}

/** A plain paragraph: what an editor gets by typing text and nothing else. */
export const paragraph = (scope: string, text: string): Block => block(scope, [text])

/** An inline figure (`captionedImage`) between blocks. */
export const figure = (scope: string, image: Record<string, unknown>): Block => ({
  _key: key(scope, 'figure'),
  ...image,
  _type: 'captionedImage',
})
