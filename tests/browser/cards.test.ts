/**
 * Issue 22, cards and gallery, in Chromium at a phone's and a desktop's size: worker and story cards
 * of a grid row are equally tall (a worker without a portrait gets a seal with the surname, not a
 * short card), /photos/ fills its rows, and a thumbnail opens a large view (or, without JavaScript,
 * the photo's page) with a larger image fetched only then.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { surnameOf } from '../../site/lib/surname'
import { groq } from './expected'
import { axeViolations, useSite } from './harness'
import { openAt as openPageAt, VIEWPORTS, type Viewport } from './viewports'

const site = useSite()
const openAt = (url: string, viewport: Viewport, javaScript = true) => openPageAt(site, url, viewport, javaScript)

interface Box {
  id: string
  x: number
  y: number
  width: number
  height: number
}

/** The visible elements matching `selector`, grouped into visual rows by their top edge. */
async function rowsOf(page: Page, selector: string, id = 'data-worker-id'): Promise<Box[][]> {
  const boxes = await page.locator(selector).evaluateAll(
    (elements, attribute) =>
      elements
        .map((e) => {
          const r = e.getBoundingClientRect()
          return {
            id: e.getAttribute(attribute) ?? '',
            x: r.x,
            y: r.y + window.scrollY,
            ...{ width: r.width, height: r.height },
          }
        })
        .filter((b) => b.width > 0),
    id,
  )
  const rows = new Map<number, Box[]>()
  for (const b of boxes) {
    const key = [...rows.keys()].find((y) => Math.abs(y - b.y) < 2) ?? b.y
    rows.set(key, [...(rows.get(key) ?? []), b])
  }
  return [...rows.values()]
}

/** Every row has cards of one height (within a pixel); at least one row has two or more cards. */
function expectEvenRows(rows: Box[][], what: string) {
  expect(rows.length, `${what}: no cards`).toBeGreaterThan(0)
  expect(Math.max(...rows.map((r) => r.length)), `${what}: never two in a row`).toBeGreaterThanOrEqual(2)
  for (const row of rows) {
    const heights = row.map((b) => b.height)
    expect(Math.max(...heights) - Math.min(...heights), `${what}: row at y=${row[0]!.y} ${heights}`).toBeLessThan(1)
  }
}

describe.each(VIEWPORTS)('cards at $name size', (viewport) => {
  it('/workers/: every card of a row is as tall as the others; without a portrait, a seal with the surname', async () => {
    const workers = await groq<{ _id: string; name: string; portrait: boolean }[]>(
      `*[_type == "modelWorker" && defined(slug.current)]{ _id, name, "portrait": defined(portrait) }`,
    )
    const without = workers.filter((w) => !w.portrait)
    // The dataset must hold a worker without a portrait, or this test would prove nothing about them.
    expect(without.length, 'no model worker without a portrait in the dataset').toBeGreaterThan(0)

    const { page, errors } = await openAt('/workers/', viewport)
    const rows = await rowsOf(page, '.worker-card')
    expectEvenRows(rows, '/workers/')
    expect(rows.flat().length).toBe(workers.length)
    if (viewport.name === 'phone') expect(rows[0]!.length).toBe(2)
    else expect(rows[0]!.length).toBeGreaterThanOrEqual(4)

    const red = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--red').trim())
    const redRgb = await page.evaluate((c) => {
      const probe = document.createElement('i')
      probe.style.color = c
      document.body.append(probe)
      const rgb = getComputedStyle(probe).color
      probe.remove()
      return rgb
    }, red)
    for (const w of without) {
      const card = page.locator(`.worker-card[data-worker-id="${w._id}"]`)
      const seal = card.locator('[data-stand-in]')
      expect(await card.locator('img').count(), w.name).toBe(0)
      expect(await seal.getAttribute('aria-hidden')).toBe('true')
      const text = (await seal.textContent())!.trim()
      expect(text).toBe(surnameOf(w.name))
      expect(text.startsWith(Array.from(w.name)[0]!)).toBe(true)
      expect(await card.getByRole('heading').textContent()).toContain(w.name)
      const look = await seal.evaluate((e) => {
        const s = getComputedStyle(e)
        const r = e.getBoundingClientRect()
        return {
          ring: s.borderTopColor,
          color: s.color,
          radius: s.borderTopLeftRadius,
          font: s.fontFamily,
          w: r.width,
          h: r.height,
        }
      })
      expect(look.ring).toBe(redRgb)
      expect(look.color).toBe(redRgb)
      expect(look.font).toMatch(/serif/i)
      expect(Math.abs(look.w - look.h)).toBeLessThan(1)
      expect(look.radius).toBe('50%')

      // In a row with portrait cards: the same card height and the same picture box.
      const row = rows.find((r) => r.some((b) => b.id === w._id))!
      const mates = row.filter((b) => b.id !== w._id && workers.find((x) => x._id === b.id)?.portrait)
      expect(mates.length, `${w.name} has no portrait card beside it`).toBeGreaterThan(0)
      const media = async (id: string) =>
        page
          .locator(`.worker-card[data-worker-id="${id}"] .card-media`)
          .evaluate((e) => e.getBoundingClientRect().height)
      expect(Math.abs((await media(w._id)) - (await media(mates[0]!.id)))).toBeLessThan(1)
    }
    expect(await page.locator('.worker-card [data-stand-in]').count()).toBe(without.length)
    expect(errors).toEqual([])
    await page.context().close()
  })

  // The home page's stories are a lead story and a dated list (identity.test.ts), not cards.
  it('home: the featured worker cards are even rows', async () => {
    const { page, errors } = await openAt('/', viewport)
    expectEvenRows(await rowsOf(page, '.worker-card'), 'home workers')
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('/stories/: cards of a row are equally tall, pictures 3:2, excerpts at most three lines', async () => {
    const count = await groq<number>(`count(*[_type == "story" && defined(slug.current)])`)
    const { page, errors } = await openAt('/stories/', viewport)
    const rows = await rowsOf(page, '.story-card', 'data-story-slug')
    expect(rows.flat().length).toBe(count)
    if (viewport.name === 'desktop') expectEvenRows(rows, '/stories/')
    else for (const row of rows) expect(row.length).toBe(1)
    const shapes = await page.locator('.story-card').evaluateAll((cards) =>
      cards.map((card) => {
        const media = card.querySelector('.card-media')!.getBoundingClientRect()
        const excerpt = card.querySelector('.excerpt')
        const lines = excerpt
          ? excerpt.getBoundingClientRect().height / parseFloat(getComputedStyle(excerpt).lineHeight)
          : 0
        return {
          ratio: media.width / media.height,
          lines,
          full: excerpt ? excerpt.scrollHeight > excerpt.clientHeight : false,
        }
      }),
    )
    for (const s of shapes) {
      expect(s.ratio).toBeCloseTo(1.5, 1)
      expect(s.lines).toBeLessThanOrEqual(3.05)
    }
    expect(errors).toEqual([])
    await page.context().close()
  })
})

const shownPhotos = () =>
  groq<{ _id: string; caption: string }[]>(
    `*[_type == "photo" && !(showsMinors == true && minorsConsent != true)]{ _id, caption }`,
  )

describe.each(VIEWPORTS)('/photos/ at $name size', (viewport) => {
  it('is a gallery: full rows of tiles, each picture covering its tile', async () => {
    const photos = await shownPhotos()
    const { page, errors } = await openAt('/photos/', viewport)
    const rows = await rowsOf(page, '.photo-grid > li', 'data-photo-id')
    expect(rows.flat().length).toBe(photos.length)
    const first = rows[0]!
    expect(first.length).toBeGreaterThanOrEqual(viewport.name === 'phone' ? 2 : 3)
    // Every row but the last is as full as the first.
    for (const row of rows.slice(0, -1)) expect(row.length).toBe(first.length)
    const grid = await page.locator('.photo-grid').evaluate((e) => e.getBoundingClientRect().width)
    const span = Math.max(...first.map((b) => b.x + b.width)) - Math.min(...first.map((b) => b.x))
    expect(span / grid).toBeGreaterThanOrEqual(0.85)
    const covers = await page.locator('.photo-grid > li').evaluateAll((tiles) =>
      tiles.map((t) => {
        const img = t.querySelector('img')!
        return {
          fit: getComputedStyle(img).objectFit,
          img: img.getBoundingClientRect().width,
          tile: t.getBoundingClientRect().width,
        }
      }),
    )
    for (const c of covers) {
      expect(c.fit).toBe('cover')
      expect(Math.abs(c.img - c.tile)).toBeLessThan(1)
    }
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('a thumbnail opens the large view: a larger image loaded only then, caption, next, Esc, focus back', async () => {
    const photos = await shownPhotos()
    const { page, errors, requests } = await openAt('/photos/', viewport)
    const tiles = page.locator('.photo-grid > li')
    const firstId = (await tiles.nth(0).getAttribute('data-photo-id'))!
    const secondId = (await tiles.nth(1).getAttribute('data-photo-id'))!
    const link = tiles.nth(0).locator('a.photo-link')
    const thumb = await link.locator('img').evaluate((i: HTMLImageElement) => ({
      src: i.currentSrc,
      natural: i.naturalWidth,
      shown: i.getBoundingClientRect().width,
      srcset: i.srcset,
    }))
    const urls = (srcset: string) => srcset.split(',').map((c) => new URL(c.trim().split(/\s+/)[0]!, site.origin).href)
    const largeUrls = urls((await link.getAttribute('data-large-srcset'))!)
    // The sizes the large view may load that no thumbnail uses: none may be fetched before it opens.
    const largeOnly = largeUrls.filter((u) => !urls(thumb.srcset).includes(u))
    expect(largeOnly.length).toBeGreaterThan(0)
    expect(
      requests.filter((r) => largeOnly.includes(r)),
      'large images fetched before opening',
    ).toEqual([])

    // Keyboard: focus the thumbnail and press Enter.
    await link.focus()
    await page.keyboard.press('Enter')
    const dialog = page.locator('dialog[data-lightbox]')
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true)
    expect(page.url()).toBe(`${site.origin}/photos/`)
    const large = dialog.locator('img')
    await large.evaluate((i: HTMLImageElement) => i.decode())
    const big = await large.evaluate((i: HTMLImageElement) => ({
      src: i.currentSrc,
      natural: i.naturalWidth,
      shown: i.getBoundingClientRect().width,
      alt: i.alt,
    }))
    expect(big.src).not.toBe(thumb.src)
    expect(largeUrls).toContain(big.src)
    expect(big.natural).toBeGreaterThan(thumb.natural)
    expect(big.shown).toBeGreaterThan(thumb.shown * 1.5)
    expect(big.alt.length).toBeGreaterThan(0)
    const captionOf = (id: string) => photos.find((p) => p._id === id)!.caption
    expect(await dialog.locator('figcaption').textContent()).toContain(captionOf(firstId))
    expect(await dialog.getByRole('link', { name: '图片详情' }).getAttribute('href')).toBe(`/photos/${firstId}/`)
    expect(await axeViolations(page)).toEqual([])

    // Next and previous, by button and by arrow key; the position is announced.
    await dialog.getByRole('button', { name: '下一张' }).click()
    expect(await dialog.locator('figcaption').textContent()).toContain(captionOf(secondId))
    expect(await dialog.locator('[data-lightbox-position]').textContent()).toBe(`第 2 张，共 ${photos.length} 张`)
    await page.keyboard.press('ArrowLeft')
    expect(await dialog.locator('figcaption').textContent()).toContain(captionOf(firstId))
    await page.keyboard.press('ArrowLeft')
    expect(await dialog.locator('[data-lightbox-position]').textContent()).toBe(
      `第 ${photos.length} 张，共 ${photos.length} 张`,
    )
    await page.keyboard.press('ArrowRight')

    await page.keyboard.press('Escape')
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-photo-id'))).toBe(
      firstId,
    )

    // The close button, after opening by click.
    await tiles.nth(1).locator('a.photo-link').click()
    await dialog.getByRole('button', { name: '关闭' }).click()
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-photo-id'))).toBe(
      secondId,
    )
    expect(errors).toEqual([])
    await page.context().close()
  })

  it('without JavaScript, a thumbnail opens the photo page, which shows it large', async () => {
    const { page, errors } = await openAt('/photos/', viewport, false)
    const tile = page.locator('.photo-grid > li').first()
    const id = (await tile.getAttribute('data-photo-id'))!
    const thumbWidth = await tile.locator('img').evaluate((i) => i.getBoundingClientRect().width)
    await tile.locator('a.photo-link').click()
    await page.waitForURL(`**/photos/${id}/`)
    const large = page.locator('.photo-large img')
    const shown = await large.evaluate((i: HTMLImageElement) => ({
      complete: i.complete,
      natural: i.naturalWidth,
      width: i.getBoundingClientRect().width,
      main: document.querySelector('main')!.getBoundingClientRect().width,
    }))
    expect(shown.complete).toBe(true)
    expect(shown.width).toBeGreaterThan(thumbWidth * 1.5)
    expect(shown.width).toBeGreaterThan(shown.main * 0.8)
    expect(errors).toEqual([])
    await page.context().close()
  })
})
