import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { applyCrops, cropRect } from './crop'

describe('editor crops', () => {
  it('keeps the rectangle the crop leaves', () => {
    expect(cropRect({ top: 0.1, bottom: 0.2, left: 0.25, right: 0 }, 200, 100)).toEqual({
      left: 50,
      top: 10,
      width: 150,
      height: 70,
    })
  })

  it('cuts the file once into the cache, points the entry at it, and leaves uncropped images alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laomo-crop-'))
    // Left half red, right half blue: a crop of the left half must be all red.
    await sharp({ create: { width: 100, height: 50, channels: 3, background: '#0000ff' } })
      .composite([
        {
          input: { create: { width: 50, height: 50, channels: 3, background: '#ff0000' } },
          left: 0,
          top: 0,
        },
      ])
      .png()
      .toFile(path.join(dir, 'pic.png'))
    const cache = path.join(dir, 'cache')
    const entry = {
      portrait: { src: './pic.png', width: 100, height: 50, crop: { top: 0, bottom: 0, left: 0, right: 0.5 } },
      other: { src: './pic.png', alt: 'x' },
    }
    expect(await applyCrops(entry, dir, cache)).toEqual([])
    expect(entry.other).toEqual({ src: './pic.png', alt: 'x' })
    expect(entry.portrait).not.toHaveProperty('crop')
    expect(entry.portrait).not.toHaveProperty('width')
    const cut = path.resolve(dir, entry.portrait.src)
    const { data, info } = await sharp(cut).raw().toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([50, 50])
    const last = data.length - info.channels
    expect([data[0], data[1], data[2]]).toEqual([255, 0, 0])
    expect([data[last], data[last + 1], data[last + 2]]).toEqual([255, 0, 0])

    const written = statSync(cut).mtimeMs
    const again = { src: './pic.png', crop: { top: 0, bottom: 0, left: 0, right: 0.5 } }
    await applyCrops(again, dir, cache)
    expect(again.src).toBe(entry.portrait.src)
    expect(statSync(cut).mtimeMs).toBe(written)
  })

  it('names an image it cannot cut and shows it whole', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laomo-crop-bad-'))
    const { writeFileSync } = await import('node:fs')
    writeFileSync(path.join(dir, 'broken.jpg'), 'not a jpeg')
    const entry = { image: { src: './broken.jpg', crop: { top: 0.1, bottom: 0, left: 0, right: 0 } } }
    const problems = await applyCrops(entry, dir, path.join(dir, 'cache'))
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^image: crop could not be applied .* — image shown whole$/)
    expect(entry.image).toEqual({ src: './broken.jpg' })
  })
})
