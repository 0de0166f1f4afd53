import { describe, expect, it } from 'vitest'
import { Problems } from './normalise'
import { isSafeHref, portableText } from './rich-text'

const block = (hrefs: string[]) => ({
  _type: 'block',
  _key: 'b1',
  style: 'normal',
  markDefs: hrefs.map((href, i) => ({ _type: 'link', _key: `l${i}`, href })),
  children: hrefs.map((_, i) => ({ _type: 'span', _key: `s${i}`, text: `链接${i}`, marks: [`l${i}`, 'strong'] })),
})

describe('links in rich text', () => {
  it('allows only http, https, mailto and tel', () => {
    for (const ok of ['https://www.gansu.gov.cn/', 'http://example.org/a?b=1', 'mailto:a@b.cn', 'tel:+869311234567'])
      expect(isSafeHref(ok), ok).toBe(true)
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'ftp://x',
      '/relative',
      '',
      'www.x.cn',
    ])
      expect(isSafeHref(bad), bad).toBe(false)
  })

  it('turns other links into plain text, keeps the other marks, and names document and field', () => {
    const p = new Problems('story', 'story-1')
    const [out] = portableText(p, 'body', [block(['https://a.cn/', 'javascript:alert(1)'])]) as any[]
    expect(out.markDefs.map((d: { _key: string }) => d._key)).toEqual(['l0'])
    expect(out.children.map((c: { marks: string[] }) => c.marks)).toEqual([['l0', 'strong'], ['strong']])
    expect(p.warnings).toEqual([
      'story story-1: field "body[0].markDefs[1].href" is a link with "javascript:alert(1)" (not http, https, mailto or tel) — shown as plain text',
    ])
  })

  it('keeps headings, lists and block types it does not know, and drops figures without an image', () => {
    const p = new Problems('modelWorker', 'w')
    const blocks = [
      { _type: 'block', _key: 'h', style: 'h2', markDefs: [], children: [{ _type: 'span', text: '小标题' }] },
      { _type: 'block', _key: 'li', listItem: 'bullet', level: 1, markDefs: [], children: [] },
      { _type: 'somePluginBlock', _key: 'x' },
      { _type: 'captionedImage', _key: 'f', alt: '图', caption: '说明' },
      null,
    ]
    const out = portableText(p, 'bio', blocks)
    expect(out.map((b) => b._type)).toEqual(['block', 'block', 'somePluginBlock'])
    expect(p.warnings).toEqual([
      'modelWorker w: field "bio[3]" has no usable image file (asset "?" missing) — image omitted',
    ])
  })
})
