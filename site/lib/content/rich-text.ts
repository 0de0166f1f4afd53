/**
 * Portable Text as the Studio stores it (blocks with headings, lists, marks and link annotations,
 * plus inline captioned figures), made safe and page-ready. A link survives only with a scheme a
 * reader can safely follow; any other (javascript:, data:, a typo) becomes plain text and a
 * warning naming the document, so nothing an editor typed can run in a reader's browser.
 */
import type { Problems, RawImage } from './normalise'
import type { WorkerInput } from './schemas'

type PortableTextInput = WorkerInput['bio']

/** Schemes a link may use; the Studio's link field allows exactly these. */
export const SAFE_LINK_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'] as const

/** True when `href` is an absolute URL with a safe scheme. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string' || href.trim() === '') return false
  try {
    return (SAFE_LINK_SCHEMES as readonly string[]).includes(new URL(href.trim()).protocol)
  } catch {
    return false
  }
}

interface MarkDef {
  _key?: string
  _type?: string
  href?: unknown
  [key: string]: unknown
}

interface Span {
  _type?: string
  marks?: string[]
  [key: string]: unknown
}

/** A text block without the link annotations it may not keep (their marks removed from its spans). */
function safeBlock(p: Problems, field: string, block: Record<string, unknown>): Record<string, unknown> {
  const markDefs = Array.isArray(block.markDefs) ? (block.markDefs as MarkDef[]) : []
  const dropped = new Set<string>()
  const kept = markDefs.filter((def, index) => {
    if (def?._type !== 'link' || isSafeHref(def.href)) return true
    if (def._key) dropped.add(def._key)
    const shown = typeof def.href === 'string' && def.href.trim() ? `"${def.href.slice(0, 80)}"` : 'no address'
    p.add(
      `${field}.markDefs[${index}].href`,
      `is a link with ${shown} (not http, https, mailto or tel) — shown as plain text`,
    )
    return false
  })
  if (dropped.size === 0) return block
  const children = Array.isArray(block.children)
    ? (block.children as Span[]).map((span) =>
        span?.marks ? { ...span, marks: span.marks.filter((mark) => !dropped.has(mark)) } : span,
      )
    : block.children
  return { ...block, markDefs: kept, children }
}

/** Portable Text: keeps blocks (with safe links only), resolves figures, names figures without a usable image. */
export function portableText(p: Problems, field: string, blocks: unknown): PortableTextInput {
  if (!Array.isArray(blocks)) return []
  const out: PortableTextInput = []
  blocks.forEach((block, index) => {
    if (!block || typeof block !== 'object') return
    const b = block as Record<string, unknown>
    const at = `${field}[${index}]`
    if (b._type === 'captionedImage') {
      const image = p.image(at, b as RawImage)
      if (!image) return
      if (!image.caption) p.add(`${at}.caption`, 'is missing — figure shown without caption')
      out.push({ _type: 'captionedImage', _key: b._key ?? `img${index}`, ...image })
      return
    }
    // Other block types (from Studio plugins) are kept for the renderer to skip.
    if (typeof b._type === 'string') out.push({ ...(b._type === 'block' ? safeBlock(p, at, b) : b), _type: b._type })
  })
  return out
}
