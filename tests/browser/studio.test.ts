import { describe, expect, it } from 'vitest'
import { useSite } from './harness'

const site = useSite()

describe('embedded Studio at /studio', () => {
  it('boots: bundle and config load; offline it reaches Sanity’s network-error screen', async () => {
    const page = await site.browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${site.origin}/studio/`, { waitUntil: 'load' })
    // With no network, the Studio can only get as far as telling the editor it cannot reach Sanity.
    await page.getByText(/Couldn.t reach the Sanity servers|无法连接/).waitFor({ timeout: 60_000 })
    expect(errors).toEqual([])
    await page.close()
  })
})
