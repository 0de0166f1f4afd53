import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { describe, expect, it } from 'vitest'

describe('MiniMap', () => {
  it('renders a labelled static SVG of Gansu with one dot per point, linking into the map', async () => {
    // A computed specifier: plain `tsc` has no types for .astro modules (Vite compiles them here).
    const file = './MiniMap.astro'
    const { default: MiniMap } = await import(/* @vite-ignore */ file)
    const container = await AstroContainer.create()
    const html = await container.renderToString(MiniMap, {
      props: {
        points: [
          { lat: 36.061, lng: 103.834, label: '兰州石化' },
          { lat: 34.581, lng: 105.725, label: '天水一中' },
        ],
        href: '/map/?worker=li-si',
        caption: '李四的宣讲地点',
      },
    })
    expect(html).toContain('href="/map/?worker=li-si"')
    expect(html).toMatch(/role="img"[^>]*aria-label="甘肃省示意图，标出报告会地点：兰州石化、天水一中。打开宣讲地图"/)
    expect(html.match(/<circle /g)).toHaveLength(2)
    expect(html).toMatch(/<figcaption[^>]*>李四的宣讲地点<\/figcaption>/)
    expect(html).not.toMatch(/leaflet|<script/i)
  })
})
