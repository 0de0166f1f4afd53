import { describe, expect, it } from 'vitest'
import { openPage, thirdParty, useSite } from './harness'
import { expectedCounts, firstFictionalWorker } from './expected'

const site = useSite()

describe('home page (built from the bundled sample dataset)', () => {
  it('shows the headline numbers the dataset holds, and the sample-data notice', async () => {
    const counts = await expectedCounts()
    const { page, requests, errors } = await openPage(site.browser, `${site.origin}/`)
    const stat = async (id: string) =>
      (await page.locator(`[data-stat="${id}"] strong`).textContent())?.replace(/,/g, '')
    expect(await stat('talks')).toBe(String(counts.talks))
    expect(counts.talks).toBe(213)
    expect(await stat('enterprise')).toBe(String(counts.enterprise))
    expect(await stat('school')).toBe(String(counts.school))
    expect(await stat('community')).toBe(String(counts.community))
    expect(await stat('workers')).toBe(String(counts.workers))
    expect(await page.locator('[data-sample-notice]').textContent()).toContain('示例数据')
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN')
    expect(thirdParty(requests, site.origin)).toEqual([])
    expect(errors).toEqual([])
  })
})

describe('model-worker profile', () => {
  it('renders name, honours, the fictional label and the right talk count', async () => {
    const worker = await firstFictionalWorker()
    const { page, requests } = await openPage(site.browser, `${site.origin}/workers/${worker.slug}/`)
    expect(await page.locator('h1').textContent()).toBe(worker.name)
    expect(await page.locator('[data-fictional]').textContent()).toContain('虚构')
    expect(await page.locator('[data-talk-count]').getAttribute('data-talk-count')).toBe(String(worker.talkCount))
    for (const honour of worker.honours) expect(await page.locator('.honours').textContent()).toContain(honour)
    const portrait = page.locator('.profile-head img')
    expect(await portrait.getAttribute('alt')).toBeTruthy()
    expect(await portrait.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    expect(thirdParty(requests, site.origin)).toEqual([])
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!)
    expect(ld['@type']).toBe('Person')
  })

  it('shows real people only with the facts the seed article states', async () => {
    const { page } = await openPage(site.browser, `${site.origin}/workers/yan-guizhen/`)
    expect(await page.locator('h1').textContent()).toBe('闫桂珍')
    const text = (await page.locator('main').textContent())!
    expect(text).toContain('嘉峪关钢铁三中')
    expect(text).toContain('全国劳动模范')
    expect(await page.locator('[data-fictional]').count()).toBe(0)
    expect(await page.locator('[data-talk-count]').getAttribute('data-talk-count')).toBe('0')
  })
})
