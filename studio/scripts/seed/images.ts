/**
 * Placeholder images: every picture in the sample dataset is generated, and says on its face that
 * it is a placeholder, not a photo or portrait of anyone.
 */
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { escapeHtml } from '#domain/html'
import { hashInt, mulberry32 } from './random.ts'

export interface ImageJob {
  file: string
  kind: 'photo' | 'portrait'
  label: string
}

/** The images the documents refer to, collected while they are built and rendered at the end. */
export class ImageRegistry {
  readonly jobs = new Map<string, ImageJob>()

  /** Registers `file` and returns its name; the same file twice must be the same picture. */
  register(file: string, kind: ImageJob['kind'], label: string): string {
    const existing = this.jobs.get(file)
    if (existing && (existing.kind !== kind || existing.label !== label))
      throw new Error(`image ${file} registered twice`)
    this.jobs.set(file, { file, kind, label })
    return file
  }

  /** Writes every registered image into `dir` as JPEG, deletes stale ones; returns the total bytes. */
  async render(dir: string): Promise<number> {
    mkdirSync(dir, { recursive: true })
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.jpg') && !this.jobs.has(name)) unlinkSync(join(dir, name))
    }
    let total = 0
    for (const job of [...this.jobs.values()].sort((a, b) => a.file.localeCompare(b.file))) {
      const svg = job.kind === 'photo' ? photoSvg(job) : portraitSvg(job)
      const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 70, mozjpeg: true }).toBuffer()
      if (jpeg.length > 60_000) throw new Error(`${job.file} is ${jpeg.length} bytes (> 60 KB)`)
      writeFileSync(join(dir, job.file), jpeg)
      total += jpeg.length
    }
    return total
  }
}

/** Wrap CJK text by character count, at most `maxLines` lines (ellipsis when cut). */
function wrap(text: string, perLine: number, maxLines: number): string[] {
  const chars = Array.from(text)
  const lines: string[] = []
  let i = 0
  while (i < chars.length) {
    let end = Math.min(i + perLine, chars.length)
    if (end < chars.length) {
      // Prefer breaking just after punctuation within the last few characters of the line.
      for (let j = end; j > end - 7 && j > i + 1; j--) {
        if ('，、。；：）”》'.includes(chars[j - 1])) {
          end = j
          break
        }
      }
    }
    lines.push(chars.slice(i, end).join(''))
    i = end
  }
  if (lines.length > maxLines) {
    lines.length = maxLines
    lines[maxLines - 1] =
      Array.from(lines[maxLines - 1])
        .slice(0, perLine - 1)
        .join('') + '…'
  }
  return lines
}

const FONT = "font-family=\"'Noto Sans CJK SC', 'Noto Sans SC', sans-serif\""

function photoSvg(job: ImageJob): string {
  const r = mulberry32(hashInt(job.file))
  const hue = Math.floor(r() * 360)
  const shapes: string[] = []
  for (let i = 0; i < 7; i++) {
    const h = (hue + 25 * (i + 1) + Math.floor(r() * 40)) % 360
    const fill = `hsl(${h},${35 + Math.floor(r() * 20)}%,${72 + Math.floor(r() * 12)}%)`
    if (r() < 0.55) {
      shapes.push(
        `<circle cx="${Math.floor(r() * 1200)}" cy="${Math.floor(r() * 800)}" r="${60 + Math.floor(r() * 170)}" fill="${fill}" opacity="0.55"/>`,
      )
    } else {
      const w = 120 + Math.floor(r() * 320)
      const hgt = 80 + Math.floor(r() * 200)
      shapes.push(
        `<rect x="${Math.floor(r() * 1100) - 60}" y="${Math.floor(r() * 760) - 40}" width="${w}" height="${hgt}" rx="18" fill="${fill}" opacity="0.5" transform="rotate(${Math.floor(r() * 40) - 20} 600 400)"/>`,
      )
    }
  }
  const lines = wrap(job.label, 24, 3)
  const labelSvg = lines
    .map(
      (line, i) =>
        `<text x="600" y="${492 + i * 44}" ${FONT} font-size="32" text-anchor="middle" fill="#2b3340">${escapeHtml(line)}</text>`,
    )
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
<rect width="1200" height="800" fill="hsl(${hue},42%,89%)"/>
${shapes.join('\n')}
<rect x="130" y="180" width="940" height="${400 + Math.max(0, lines.length - 1) * 44}" rx="28" fill="#ffffff" opacity="0.86"/>
<text x="600" y="318" ${FONT} font-weight="700" font-size="108" text-anchor="middle" fill="#27303d">示例占位图</text>
<text x="600" y="400" ${FONT} font-size="52" letter-spacing="12" text-anchor="middle" fill="#5b6676">PLACEHOLDER</text>
<line x1="330" y1="436" x2="870" y2="436" stroke="#9aa5b4" stroke-width="2"/>
${labelSvg}
<text x="600" y="770" ${FONT} font-size="24" text-anchor="middle" fill="#3d4654">程序生成 · 非真实照片 · SAMPLE IMAGE</text>
</svg>`
}

function portraitSvg(job: ImageJob): string {
  const r = mulberry32(hashInt(job.file))
  const hue = Math.floor(r() * 360)
  const grey = 60 + Math.floor(r() * 10)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="750" viewBox="0 0 600 750">
<rect width="600" height="750" fill="hsl(${hue},38%,88%)"/>
<circle cx="${80 + Math.floor(r() * 440)}" cy="${200 + Math.floor(r() * 300)}" r="${120 + Math.floor(r() * 80)}" fill="hsl(${(hue + 40) % 360},35%,80%)" opacity="0.6"/>
<text x="300" y="96" ${FONT} font-weight="700" font-size="66" text-anchor="middle" fill="#27303d">示例占位图</text>
<text x="300" y="148" ${FONT} font-size="34" letter-spacing="8" text-anchor="middle" fill="#5b6676">PLACEHOLDER</text>
<g fill="hsl(${hue},6%,${grey}%)">
  <circle cx="300" cy="318" r="92"/>
  <path d="M120 622 C120 480 200 432 300 432 C400 432 480 480 480 622 Z"/>
</g>
<rect x="0" y="630" width="600" height="120" fill="#ffffff" opacity="0.85"/>
<text x="300" y="684" ${FONT} font-size="40" text-anchor="middle" fill="#27303d">${escapeHtml(job.label)}</text>
<text x="300" y="724" ${FONT} font-size="20" text-anchor="middle" fill="#3d4654">程序生成 · 非真实肖像</text>
</svg>`
}
