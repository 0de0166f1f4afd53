import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DATASET, loadDatasetFile } from '#domain/dataset'
import { schemaTypes } from '../schemaTypes'
import { formerSlugsPatch } from './formerSlugs'
import { isUniqueSlug, slugifyName } from './slug'

const docs = loadDatasetFile(DEFAULT_DATASET).documents as any[]
const TYPES = ['modelWorker', 'story', 'tour']

/** A seeded pseudo-random slug, so each run checks other values than the sample's. */
function slugs(seed: number, n: number): string[] {
  let x = seed
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31)
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-张王李赵'
  return Array.from({ length: n }, (_, i) => {
    let s = ''
    for (let k = 0; k < 4 + (next() % 12); k++) s += alphabet[next() % alphabet.length]
    return `${s}${i}`
  })
}

/** A document of `type` from the sample as the Studio holds it: published, and a draft copy. */
function pair(type: string, edit: (draft: any) => void) {
  const published = structuredClone(docs.find((d) => d._type === type))
  const draft = { ...structuredClone(published), _id: `drafts.${published._id}`, _rev: 'draft-rev' }
  edit(draft)
  return { published, draft }
}

describe('formerSlugsPatch (what 发布 writes before publishing)', () => {
  const seed = Date.now() % 100_000
  const [oldSlug, newSlug, older, other] = slugs(seed, 4) as [string, string, string, string]

  it.each(TYPES)('%s: a changed slug adds the published one to formerSlugs', (type) => {
    const { published, draft } = pair(type, (d) => {
      d.slug = { _type: 'slug', current: newSlug }
      d.formerSlugs = [older]
    })
    published.slug = { _type: 'slug', current: oldSlug }
    expect(formerSlugsPatch(published, draft), `seed ${seed}`).toEqual({ set: { formerSlugs: [older, oldSlug] } })
  })

  it.each(TYPES)('%s: nothing to write when the slug did not change or was never published', (type) => {
    const same = pair(type, () => {})
    expect(formerSlugsPatch(same.published, same.draft)).toBeNull()
    const fresh = pair(type, (d) => (d.slug = { _type: 'slug', current: newSlug }))
    expect(formerSlugsPatch(null, fresh.draft)).toBeNull()
    const unslugged = pair(type, (d) => delete d.slug)
    expect(formerSlugsPatch(unslugged.published, unslugged.draft)).toBeNull()
  })

  it('renaming back takes the slug out of formerSlugs, and never lists one twice', () => {
    const { published, draft } = pair('modelWorker', (d) => {
      d.slug = { _type: 'slug', current: oldSlug }
      d.formerSlugs = [oldSlug, other]
    })
    published.slug = { _type: 'slug', current: newSlug }
    expect(formerSlugsPatch(published, draft)).toEqual({ set: { formerSlugs: [other, newSlug] } })
    const again = pair('modelWorker', (d) => {
      d.slug = { _type: 'slug', current: newSlug }
      d.formerSlugs = [oldSlug]
    })
    again.published.slug = { _type: 'slug', current: oldSlug }
    expect(formerSlugsPatch(again.published, again.draft)).toBeNull()
  })
})

describe('former slugs stay taken', () => {
  const worker = docs.find((d) => d._type === 'modelWorker')
  const [retired, fresh] = slugs(Date.now() % 7919, 2) as [string, string]
  const dataset = [...docs, { ...worker, _id: 'worker-renamed', slug: { current: fresh }, formerSlugs: [retired] }]
  const getClient = () => ({
    withConfig: () => ({
      fetch: async (query: string, params: Record<string, unknown>) =>
        (await evaluate(parse(query, { params }), { dataset, params })).get(),
    }),
  })

  it('a slug another document had before is refused; the same document may take it back', async () => {
    const check = (id: string, type = 'modelWorker') =>
      isUniqueSlug(retired, { document: { _id: id, _type: type }, getClient } as any)
    expect(await check('drafts.worker-new')).toBe(false)
    expect(await check('drafts.worker-renamed')).toBe(true)
    expect(await check('drafts.story-new', 'story')).toBe(true)
  })

  it('“生成” skips a former slug as it skips a current one', async () => {
    const named = [
      ...dataset,
      { _id: 'worker-old', _type: 'modelWorker', slug: { current: 'x' }, formerSlugs: ['ouyang-xiu'] },
    ]
    const client = () => ({
      withConfig: () => ({
        fetch: async (query: string, params: Record<string, unknown>) =>
          (await evaluate(parse(query, { params }), { dataset: named, params })).get(),
      }),
    })
    const context = {
      parent: { _id: 'drafts.worker-new', _type: 'modelWorker' },
      parentPath: [],
      getClient: client,
    } as any
    expect(await slugifyName('欧阳修', { name: 'slug', options: { maxLength: 64 } } as any, context)).toBe(
      'ouyang-xiu-2',
    )
  })

  it('every type with a slug page has the formerSlugs field, read-only for editors', () => {
    for (const type of TYPES) {
      const field = (schemaTypes.find((t: any) => t.name === type) as any).fields.find(
        (f: any) => f.name === 'formerSlugs',
      )
      expect(field?.type, type).toBe('array')
      expect(field.readOnly({ currentUser: { roles: [{ name: 'editor' }] } })).toBe(true)
      expect(field.readOnly({ currentUser: { roles: [{ name: 'administrator' }] } })).toBe(false)
    }
  })
})
