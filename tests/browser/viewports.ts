/** Helpers for the browser tests that check layout at a phone's and a desktop's viewport. */
import type { Page } from 'playwright-core'
import { openPage, type useSite } from './harness'

export const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
]

/** Opens `url` on the test site (recorded as `openPage` does), then sizes the viewport. */
export async function openAt(
  site: ReturnType<typeof useSite>,
  url: string,
  viewport: { width: number; height: number },
  javaScript = true,
) {
  const opened = await openPage(site.browser, `${site.origin}${url}`, { javaScript })
  await opened.page.setViewportSize(viewport)
  return opened
}

/** True when nothing sticks out sideways (no horizontal scrolling). */
export const noOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)
