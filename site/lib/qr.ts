/**
 * QR codes as inline SVG, made at build time with `qrcode`: a poster or a share panel carries the
 * page's address as a code a phone (WeChat's scanner) reads, with no third-party service.
 */
import QRCode from 'qrcode'

/**
 * The SVG of `text` as a QR code. Error correction "M" (15%) survives a creased or photocopied poster
 * and keeps the code small; the margin is the four-module quiet zone scanners need.
 */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  })
}
