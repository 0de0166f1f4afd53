import { experimental_AstroContainer as AstroContainer } from 'astro/container'
import { describe, expect, it } from 'vitest'
import { MIIT_BEIAN_URL } from '#domain/filing'
import { SITE_MAP_PAGE_PATH } from '#domain/paths'

// Computed specifier: plain `tsc` has no types for .astro modules (Vite compiles them here).
const load = async (file: string) => (await import(/* @vite-ignore */ file)).default
const SITE = 'https://gonghui.example.cn'

/** Every combination of the optional footer settings, with values varied per combination. */
function combinations() {
  const fields = ['operator', 'siteCode', 'icp', 'psb', 'correctionEmail', 'bookingEmail'] as const
  return Array.from({ length: 2 ** fields.length }, (_, n) => {
    const on = (i: number) => (n >> i) & 1
    const d = String(n).padStart(2, '0')
    return {
      title: '劳模宣讲',
      organisation: `某省总工会${n}`,
      isSample: false,
      sourceLabel: 'test',
      ...(on(0) ? { operator: `宣传教育部${n}` } : {}),
      ...(on(1) ? { siteCode: `62000000${d}` } : {}),
      ...(on(2) ? { icp: `陇ICP备123456${d}号-${(n % 3) + 1}` } : {}),
      ...(on(3) ? { psb: `甘公网安备 620102020001${d}号` } : {}),
      ...(on(4) ? { correctionEmail: `jiucuo${n}@example.org` } : {}),
      ...(on(5) ? { bookingEmail: `yuyue${n}@example.org` } : {}),
      // Blank text counts as unset.
      ...(!on(0) && n % 2 ? { operator: ' ' } : {}),
    }
  })
}

const attr = (html: string, data: string, name: string) =>
  new RegExp(`<a[^>]*${name}="([^"]*)"[^>]*${data}|<a[^>]*${data}[^>]*${name}="([^"]*)"`)
    .exec(html)
    ?.slice(1)
    .find(Boolean)
const decode = (s: string) => s.replace(/&amp;/g, '&')

describe('SiteFooter', () => {
  it('shows each filing item only when set, linked to its registry, and the 纠错 mail about this page', async () => {
    const SiteFooter = await load('./SiteFooter.astro')
    const container = await AstroContainer.create({ astroConfig: { site: SITE } })
    for (const settings of combinations()) {
      const title = `第${settings.organisation.slice(5)}页 & “标题”`
      const path = `/workers/${encodeURIComponent('张 伟')}/`
      const html = await container.renderToString(SiteFooter, { props: { settings, title, path } })
      const ctx = JSON.stringify(settings)
      expect(html, ctx).toContain(`主办单位：${settings.organisation}`)
      expect(attr(html, 'data-site-map-link', 'href'), ctx).toBe(SITE_MAP_PAGE_PATH)
      if (settings.operator?.trim()) expect(html, ctx).toContain(`承办单位：${settings.operator}`)
      else expect(html, ctx).not.toContain('承办单位')
      if (settings.siteCode) expect(html, ctx).toContain(`网站标识码：${settings.siteCode}`)
      else expect(html, ctx).not.toContain('网站标识码')
      if (settings.icp) {
        expect(attr(html, 'data-icp', 'href')).toBe(MIIT_BEIAN_URL)
        expect(html).toMatch(new RegExp(`data-icp[^>]*>\\s*${settings.icp}\\s*</a>`))
      } else expect(html, ctx).not.toContain('data-icp')
      if (settings.psb) {
        const digits = /\d{14}/.exec(settings.psb)![0]
        expect(decode(attr(html, 'data-psb', 'href')!)).toBe(
          `https://beian.mps.gov.cn/#/query/webSearch?code=${digits}`,
        )
      } else expect(html, ctx).not.toContain('data-psb')
      const to = settings.correctionEmail ?? settings.bookingEmail
      const mailto = attr(html, 'data-correction-link', 'href')
      if (!to) expect(mailto, ctx).toBeUndefined()
      else {
        const url = new URL(decode(mailto!))
        expect(url.pathname).toBe(to)
        expect(url.searchParams.get('subject')).toBe(`纠错：${title}`)
        expect(url.searchParams.get('body')).toContain(`${SITE}${path}`)
      }
    }
  })
})
