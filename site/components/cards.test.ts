import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { describe, expect, it } from 'vitest'

// Computed specifiers: plain `tsc` has no types for .astro modules (Vite compiles them here).
const load = async (file: string) => (await import(/* @vite-ignore */ file)).default

describe('card stand-ins (the sample dataset has no story without an image, so they are rendered here)', () => {
  it('a worker without a portrait gets a decorative seal with the surname, the name staying in text', async () => {
    const WorkerCard = await load('./WorkerCard.astro')
    const container = await AstroContainer.create()
    const worker = { _id: 'w-1', name: '欧阳红梅', slug: 'ouyang', honours: [], fictional: true }
    const html = await container.renderToString(WorkerCard, { props: { worker } })
    expect(html).toMatch(/<span[^>]*class="seal"[^>]*aria-hidden="true"[^>]*data-stand-in[^>]*>欧阳<\/span>/)
    expect(html).toMatch(/<h3[^>]*><a href="\/workers\/ouyang\/"[^>]*>欧阳红梅<\/a><\/h3>/)
    expect(html).not.toContain('<img')
  })

  it('a story without an image gets the same 3:2 picture box with a seal', async () => {
    const StoryCard = await load('./StoryCard.astro')
    const container = await AstroContainer.create()
    const story = { slug: 'no-image', title: '没有配图的报道', publishedAt: '2026-05-01T00:00:00Z', excerpt: '摘要' }
    const html = await container.renderToString(StoryCard, { props: { story } })
    expect(html).toMatch(/class="card-media"[^>]*><span[^>]*class="seal"[^>]*aria-hidden="true"[^>]*>报道<\/span>/)
    expect(html).toMatch(/class="excerpt"[^>]*>摘要<\/p>/)
    expect(html).not.toContain('<img')
  })
})
