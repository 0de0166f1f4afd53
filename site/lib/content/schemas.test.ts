import { describe, expect, it } from 'vitest'
import { z } from 'astro/zod'
import type { SchemaContext } from 'astro/content/config'
import { oncePerCollection, photoSchema } from './schemas'

/** An image() helper as the content layer gives each entry: a synchronous transform of the path. */
const helper = (tag: string) =>
  (() => z.string().transform((path) => `${tag}:${path}`)) as unknown as SchemaContext['image']

const photo = (src: string) => ({
  _id: 'photo-1',
  caption: '说明',
  alt: '替代文字',
  placeholder: false,
  image: { src, alt: '替代文字' },
  people: [],
})

describe('oncePerCollection', () => {
  it('builds the schema once, and parses each entry with the image() helper it was called with', () => {
    let built = 0
    const schemaFor = oncePerCollection((image) => {
      built++
      return photoSchema(image)
    })
    const first = schemaFor({ image: helper('a') })
    expect(first.parse(photo('./one.jpg')).image.src).toBe('a:./one.jpg')
    const second = schemaFor({ image: helper('b') })
    expect(second).toBe(first)
    expect(second.parse(photo('./two.jpg')).image.src).toBe('b:./two.jpg')
    expect(built).toBe(1)
  })

  it('reports what the helper rejects, at the image field', () => {
    const rejecting = (() =>
      z.string().refine((path) => path.startsWith('./'), '图片路径无效')) as unknown as SchemaContext['image']
    const result = oncePerCollection(photoSchema)({ image: rejecting }).safeParse(photo('/abs.jpg'))
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['image.src', '图片路径无效']])
  })
})
