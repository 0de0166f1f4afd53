/**
 * Issue 22, "the public face": /stats/ reads like a report (each chart once, its table one click
 * away, months under their years, held / planned / cancelled told apart without colour, totals the
 * same as the figure sentence). Expectations come from the built pages and the content, not fixed numbers.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { groq, samples } from './expected'
import { axeViolations, thirdParty, useSite } from './harness'
import { noOverflow, openAt, VIEWPORTS } from './viewports'

const site = useSite()
const open = (url: string, viewport: { width: number; height: number }, javaScript = true) =>
  openAt(site, url, viewport, javaScript)

/** The figure sentence's numbers, read from its attributes and checked against its words. */
async function figures(page: Page) {
  const box = page.locator('[data-talk-figures]')
  const n = async (name: string) => Number(await box.getAttribute(`data-${name}`))
  const f = {
    total: await n('total'),
    held: await n('held'),
    planned: await n('planned'),
    cancelled: await n('cancelled'),
  }
  const sentence = (await box.locator('[data-figure-sentence]').textContent())!.replace(/,/g, '')
  expect(sentence).toContain(`共 ${f.total} 场`)
  expect(sentence).toContain(`已举办 ${f.held} 场`)
  expect(sentence).toContain(`计划中 ${f.planned} 场`)
  expect(sentence).toContain(`已取消 ${f.cancelled} 场`)
  return f
}

describe('/stats/ reads like a report', () => {
  it.each(VIEWPORTS)('each chart once, its table in <details>, totals equal the figure sentence (%o)', async (vp) => {
    const home = await open('/', vp)
    const onHome = await figures(home.page)
    await home.page.context().close()
    const { page, errors, requests } = await open('/stats/', vp)
    const f = await figures(page)
    expect(f).toEqual(onHome)
    expect(f.held + f.planned + f.cancelled).toBe(f.total)

    const charts = await page.locator('[data-chart]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chart')))
    expect(new Set(charts).size).toBe(charts.length)
    expect(charts.length).toBeGreaterThanOrEqual(5)
    for (const id of charts) {
      const chart = page.locator(`[data-chart="${id}"]`)
      // One heading saying what it counts, one chart, one table behind a closed "查看数据表".
      expect(await chart.locator('h2').count()).toBe(1)
      const details = chart.locator('details')
      expect(await details.count()).toBe(1)
      expect((await details.locator('summary').textContent())!.trim()).toBe('查看数据表')
      expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false)
      const table = details.locator('table')
      expect(await table.isVisible()).toBe(false)
      await details.locator('summary').click()
      expect(await table.isVisible()).toBe(true)
      if (id === 'audience') continue
      // Stacked charts: every row by state; columns add up to the figure sentence's parts.
      const sums = await table.evaluate((t) => {
        const col = (state: string) =>
          [...t.querySelectorAll(`tbody td[data-state="${state}"]`)].reduce(
            (n, td) => n + Number(td.textContent!.replace(/,/g, '')),
            0,
          )
        const foot = (state: string) =>
          Number(t.querySelector(`tfoot td[data-state="${state}"]`)!.getAttribute('data-sum'))
        return {
          held: col('held'),
          planned: col('planned'),
          cancelled: col('cancelled'),
          footHeld: foot('held'),
          footPlanned: foot('planned'),
          footCancelled: foot('cancelled'),
          total: Number(t.querySelector('tfoot td:not([data-state])')!.getAttribute('data-sum')),
        }
      })
      expect(sums, id!).toEqual({
        held: f.held,
        planned: f.planned,
        cancelled: f.cancelled,
        footHeld: f.held,
        footPlanned: f.planned,
        footCancelled: f.cancelled,
        total: f.total,
      })
    }
    // The venue chart's rows are the venue sentence's numbers.
    const venues = (await page.locator('[data-figure-venues]').textContent())!.replace(/,/g, '')
    for (const row of await page.locator('[data-chart="by-venue"] tbody tr[data-key]').all()) {
      const label = await row.locator('th').textContent()
      expect(venues).toContain(`${label} ${await row.locator('td[data-value]').getAttribute('data-value')} 场`)
    }
    expect(await noOverflow(page)).toBe(true)
    expect(thirdParty(requests, site.origin)).toEqual([])
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('groups the months under their years, in order, in the chart and in the table', async () => {
    const { page } = await open('/stats/', VIEWPORTS[0]!)
    const chart = page.locator('[data-chart="by-month"]')
    const groups = await chart.locator('[data-chart-group]').evaluateAll((els) =>
      els.map((g) => ({
        heading: g.querySelector('h3')?.textContent?.trim(),
        months: [...g.querySelectorAll('[data-bar]')].map((b) => b.getAttribute('data-bar')!),
      })),
    )
    const talks = await groq<string[]>(`*[_type == "talk"].startsAt`)
    const china = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(iso))
    const years = [...new Set(talks.map((t) => china(t).slice(0, 4)))].sort()
    expect(groups.map((g) => g.heading)).toEqual(years.map((y) => `${y}年`))
    const months = groups.flatMap((g) => g.months)
    expect([...months].sort()).toEqual(months)
    for (const g of groups) for (const m of g.months) expect(`${m.slice(0, 4)}年`).toBe(g.heading)
    // Every month with a talk is there (gaps too, as zero).
    for (const t of talks) expect(months).toContain(china(t).slice(0, 7))
    const rowGroups = await chart.locator('tbody').evaluateAll((els) =>
      els.map((b) => ({
        heading: b.querySelector('th[scope=rowgroup]')?.textContent?.trim(),
        months: [...b.querySelectorAll('tr[data-key]')].map((r) => r.getAttribute('data-key')!),
      })),
    )
    expect(rowGroups).toEqual(groups)
    await page.context().close()
  })

  it('tells held, planned and cancelled apart by pattern and words, not colour alone', async () => {
    const { page } = await open('/stats/', VIEWPORTS[1]!)
    const legend = await page
      .locator('[data-chart="by-venue"] [data-legend] li')
      .evaluateAll((els) =>
        els.map((li) => [li.textContent!.trim(), li.querySelector('rect[data-fill]')!.getAttribute('data-fill')]),
      )
    expect(legend).toEqual([
      ['已举办', 'solid'],
      ['计划中', 'hatched'],
      ['已取消', 'outline'],
    ])
    const look = await page.locator('[data-chart="by-venue"] svg.chart-svg rect[data-series]').evaluateAll((rects) =>
      rects.map((r) => {
        const fill = r.getAttribute('fill')!
        const ref = /^url\(#(.+)\)$/.exec(fill)?.[1]
        return {
          series: r.getAttribute('data-series'),
          fill: ref ? document.getElementById(ref)?.tagName : fill,
          dashed: !!r.getAttribute('stroke-dasharray'),
          title: r.querySelector('title')?.textContent,
        }
      }),
    )
    const held = look.filter((l) => l.series === 'held')
    const planned = look.filter((l) => l.series === 'planned')
    expect(held.length).toBeGreaterThan(0)
    expect(planned.length).toBeGreaterThan(0)
    for (const l of held)
      expect([l.fill, l.dashed, l.title]).toEqual(['currentColor', false, expect.stringContaining('已举办')])
    for (const l of planned)
      expect([l.fill, l.dashed, l.title]).toEqual(['pattern', false, expect.stringContaining('计划中')])
    for (const l of look.filter((x) => x.series === 'cancelled'))
      expect([l.dashed, l.title]).toEqual([true, expect.stringContaining('已取消')])
    await page.context().close()
  })
})

describe('accessibility of what this work adds', () => {
  it.each(VIEWPORTS)(
    '/stats/ with every table open, /talks/ and a talk page: 0 axe violations, targets big enough (%o)',
    async (vp) => {
      const { talk } = await samples()
      for (const url of ['/stats/', '/talks/', `/talks/${talk._id}/`]) {
        const { page } = await open(url, vp)
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)))
        expect(await axeViolations(page), url).toEqual([])
        expect(await axeViolations(page, ['target-size']), url).toEqual([])
        await page.context().close()
      }
    },
  )
})
