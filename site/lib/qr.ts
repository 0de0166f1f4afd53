/**
 * QR codes as inline SVG, made at build time with `qrcode`: a poster or a share panel carries the
 * page's address as a code a phone (WeChat's scanner) reads, with no third-party service.
 */
import QRCode from 'qrcode'

/**
 * Where a code is read. A poster on a notice board gets the mask pattern that scores best for
 * scanning (the library tries all eight); a code on a screen, made for every detail page, takes one
 * fixed mask — any mask is valid and phones read it off a screen — at about a quarter of the cost,
 * which at 200× the content (~50,000 pages) is over a minute of build time.
 */
export type QrUse = 'print' | 'screen'
const SCREEN_MASK = 0
const UTF8 = new TextEncoder()

/**
 * The SVG of `text` as a QR code. Error correction "M" (15%) survives a creased or photocopied poster
 * and keeps the code small; the margin is the four-module quiet zone scanners need.
 *
 * A plain address goes in as one byte-mode segment: the library's search for the shortest mix of modes (a
 * shortest path over numeric, alphanumeric, byte and kanji runs) costs more than the rest of a code, and for
 * lower-case text it finds the same symbol size. Percent-encoded characters (a Chinese slug: `%E5%BC%A0`) are
 * long alphanumeric runs, where the mix makes a smaller code: those keep the search.
 */
export function qrSvg(text: string, use: QrUse = 'print'): Promise<string> {
  return QRCode.toString(text.includes('%') ? text : [{ data: UTF8.encode(text), mode: 'byte' }], {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
    ...(use === 'screen' && { maskPattern: SCREEN_MASK }),
  })
}
