/**
 * Issue 22, "numbers disagree": home, /talks/, /map/ and /stats/ write the same talk-figure sentence
 * (one definition, from site/lib/talk-figures.ts), its parts add up to the total, and the total is
 * every talk in the dataset.
 */
import { describe, expect, it } from 'vitest'
import { expectedCounts } from './expected'
import { openPage, useSite } from './harness'

const site = useSite()
const PAGES = ['/', '/talks/', '/map/', '/stats/']

async function figuresOn(url: string) {
  const { page, errors } = await openPage(site.browser, `${site.origin}${url}`)
  const box = page.locator('[data-talk-figures]')
  expect(await box.count()).toBe(1)
  const n = async (name: string) => Number(await box.getAttribute(`data-${name}`))
  const figures = {
    sentence: (await box.locator('[data-figure-sentence]').textContent())!.trim(),
    total: await n('total'),
    held: await n('held'),
    planned: await n('planned'),
    cancelled: await n('cancelled'),
  }
  expect(errors).toEqual([])
  await page.context().close()
  return figures
}

describe('talk figures', () => {
  it('are the same sentence on every page, add up, and count every talk', async () => {
    const all = await Promise.all(PAGES.map(figuresOn))
    const [home] = all
    for (const f of all) expect(f).toEqual(home)
    const f = home!
    expect(f.held + f.planned + f.cancelled).toBe(f.total)
    expect(f.total).toBe((await expectedCounts()).talks)
    // The sentence carries the same numbers as the attributes.
    expect(f.sentence).toMatch(new RegExp(`^共 ${f.total} 场报告会：已举办 ${f.held} 场 · 计划中 ${f.planned} 场`))
    expect(f.sentence).toContain(`已取消 ${f.cancelled} 场`)
  })

  it('home and /stats/ split the same total by venue type, and the charts say what they count', async () => {
    const { page } = await openPage(site.browser, `${site.origin}/stats/`)
    const venues = await page.locator('[data-figure-venues]').textContent()
    const f = await figuresOn('/')
    const counts = await expectedCounts()
    expect(venues).toBe(
      `按场所：企业 ${counts.enterprise} 场 · 校园 ${counts.school} 场 · 社区 ${counts.community} 场（含已取消）`,
    )
    // Every chart counts every talk, by state (cancelled in their own column): its total is the sentence's.
    expect(Number(await page.locator('[data-chart-total]').getAttribute('data-chart-total'))).toBe(f.total)
    await page.context().close()
  })
})
