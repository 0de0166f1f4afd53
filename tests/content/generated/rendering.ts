/** How rich text and images must come out on a page: checked against the rendered HTML. */
import { escapeRe } from './urls.ts'
import { escapeHtml, type Site } from './site.ts'

/** Portable Text rendered: headings, quotes, lists (nested too), decorators, links, figures. */
export function richTextProblems(site: Site, path: string, blocks: unknown, what: string): string[] {
  const html = site.read(path)
  if (!html || !Array.isArray(blocks)) return []
  const problems: string[] = []
  const want = (re: RegExp, label: string) => {
    if (!re.test(html)) problems.push(`${what}: ${path} does not render ${label}`)
  }
  for (const b of blocks as Record<string, any>[]) {
    if (b._type === 'captionedImage') {
      problems.push(...imageShapeProblems(site, path, b, `${what} figure`))
      want(
        new RegExp(`<figcaption[^>]*>[\\s\\S]*?${escapeRe(escapeHtml(b.caption))}`),
        `the figure caption "${b.caption}"`,
      )
      continue
    }
    const text = (b.children as { text: string }[]).map((c) => c.text).join('')
    const first = escapeRe(escapeHtml((b.children as { text: string }[])[0]!.text))
    if (['h2', 'h3', 'blockquote'].includes(b.style))
      want(new RegExp(`<${b.style}[^>]*>\\s*(<p>)?${escapeRe(escapeHtml(text))}`), `${b.style} "${text}"`)
    if (b.listItem) {
      const list = b.listItem === 'number' ? 'ol' : 'ul'
      want(new RegExp(`<${list}[^>]*>(?:(?!</${list}>)[\\s\\S])*<li[^>]*>${first}`), `${b.listItem} item "${text}"`)
      if (b.level > 1)
        want(new RegExp(`<li[^>]*>(?:(?!</li>)[\\s\\S])*<${list}[^>]*>\\s*<li[^>]*>${first}`), `nested item "${text}"`)
    }
    for (const c of b.children as { text: string; marks: string[] }[]) {
      const t = escapeRe(escapeHtml(c.text))
      for (const mark of c.marks) {
        if (mark === 'strong' || mark === 'em') want(new RegExp(`<${mark}>(<[^>]+>)*${t}`), `<${mark}>${c.text}`)
        const def = (b.markDefs as { _key: string; href: string }[]).find((d) => d._key === mark)
        if (def)
          want(
            new RegExp(`<a href="${escapeRe(escapeHtml(def.href))}"[^>]*>(<[^>]+>)*${t}`),
            `link ${def.href} on "${c.text}"`,
          )
      }
    }
  }
  return problems
}

/**
 * The image an editor cropped is shown cropped: the `<img>` with this alt has the crop's aspect ratio (the
 * asset id carries the full size: `image-<sha1>-<w>x<h>-<ext>`).
 */
export function imageShapeProblems(site: Site, path: string, image: unknown, what: string): string[] {
  const field = image as { alt?: string; asset?: { _ref: string }; crop?: Record<string, number> } | undefined
  const html = site.read(path)
  if (!field?.alt || !field.asset || !html) return []
  const [, w, h] = /-(\d+)x(\d+)-\w+$/.exec(field.asset._ref) ?? []
  const c = field.crop ?? { top: 0, bottom: 0, left: 0, right: 0 }
  const want = (Number(w) * (1 - c.left! - c.right!)) / (Number(h) * (1 - c.top! - c.bottom!))
  const img = new RegExp(`<img[^>]*alt="${escapeRe(escapeHtml(field.alt))}"[^>]*>`).exec(html)?.[0]
  if (!img) return [`${what}: ${path} has no img alt "${field.alt}"`]
  const width = Number(/\swidth="(\d+)"/.exec(img)?.[1])
  const height = Number(/\sheight="(\d+)"/.exec(img)?.[1])
  return Math.abs(width / height / want - 1) < 0.02
    ? []
    : [
        `${what}: ${path} shows "${field.alt}" at ${width}x${height}, not the ${field.crop ? 'cropped ' : ''}aspect ${want.toFixed(3)}`,
      ]
}
