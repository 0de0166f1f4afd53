import jsQR from 'jsqr'
import QRCode from 'qrcode'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { absoluteUrl, talkPath, workerPath } from '#domain/paths'
import { qrSvg } from './qr'

/** Rasterises the SVG as a printer or a screen would, then reads it back as a phone's scanner does. */
async function decode(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
    .resize(400, 400, { kernel: 'nearest' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data
}

const SLUG_CHARS = [...'张红梅劳模abcdefghijklmnopqrstuvwxyz0123456789-']
const randomSlug = () =>
  Array.from(
    { length: 3 + Math.floor(Math.random() * 20) },
    () => SLUG_CHARS[Math.floor(Math.random() * SLUG_CHARS.length)],
  ).join('')

describe('qrSvg', () => {
  it('encodes page addresses a scanner reads back exactly, Chinese slugs included', async () => {
    const site = new URL('https://laomo.example.cn')
    const urls = [
      absoluteUrl(talkPath(`talk-${Math.floor(Math.random() * 1e6)}`), site),
      absoluteUrl(workerPath(randomSlug()), site),
      absoluteUrl(workerPath('张红梅'), new URL('http://localhost:4321')),
    ]
    for (const url of urls)
      for (const use of ['print', 'screen'] as const) {
        const svg = await qrSvg(url, use)
        expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/)
        expect(await decode(svg)).toBe(url)
      }
  })

  it("is no larger than the library's own mix of modes would make it, for every kind of page address", async () => {
    const site = new URL('https://laomo.example.org')
    const paths = [talkPath(`talk-${Math.floor(Math.random() * 1e6)}-x${Math.floor(Math.random() * 200)}`)]
    for (let i = 0; i < 50; i++) paths.push(talkPath(randomSlug()), workerPath(randomSlug()))
    for (const p of paths) {
      const url = absoluteUrl(p, site)
      const side = (svg: string) => /viewBox="0 0 (\d+)/.exec(svg)?.[1]
      const ownChoice = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
      expect(side(await qrSvg(url, 'screen')), url).toBe(side(ownChoice))
    }
  })

  it('is the same for the same address (a rebuild writes the same page)', async () => {
    const url = `https://laomo.example.cn${talkPath(randomSlug())}`
    expect(await qrSvg(url)).toBe(await qrSvg(url))
    expect(await qrSvg(url)).not.toBe(await qrSvg(`${url}x`))
  })
})
