/** Helpers for the browser tests that check layout at a phone's and a desktop's viewport. */
import type { Page } from 'playwright-core'
import { openPage, type useSite } from './harness'

/** The two sizes the public pages are checked at: a common phone and a common laptop. */
export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 900 },
] as const
export type Viewport = (typeof VIEWPORTS)[number]

/** Opens `url` on the test site (recorded as `openPage` does) in a window of the viewport's size. */
export async function openAt(
  site: ReturnType<typeof useSite>,
  url: string,
  viewport: { width: number; height: number },
  javaScript = true,
) {
  return openPage(site.browser, `${site.origin}${url}`, { javaScript, viewport })
}

/** True when nothing sticks out sideways (no horizontal scrolling). */
export const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)
