import { evaluate, parse } from 'groq-js'
import { describe, expect, it } from 'vitest'
import { DEFAULT_DATASET, loadDatasetFile } from '../../site/lib/content/dataset'
import { schemaTypes } from '../schemaTypes'
import { isUniqueSlug } from './slug'

const docs = loadDatasetFile(DEFAULT_DATASET).documents as any[]

/** The subset of the Studio client isUniqueSlug uses, answering with groq-js over the sample dataset. */
const datasetClient = () => ({
  withConfig: () => ({
    fetch: async (query: string, params: Record<string, unknown>) =>
      (await evaluate(parse(query, { params }), { dataset: docs, params })).get(),
  }),
})
const offlineClient = () => ({
  withConfig: () => ({
    fetch: async () => {
      throw new Error('getaddrinfo ENOTFOUND laomo-sample.api.sanity.io')
    },
  }),
})
const check = (slug: string, document: Record<string, unknown>, getClient: () => unknown = datasetClient) =>
  isUniqueSlug(slug, { document, getClient } as any)

describe('isUniqueSlug', () => {
  const worker = docs.find((d) => d._type === 'modelWorker')
  const other = docs.find((d) => d._type === 'modelWorker' && d._id !== worker._id)

  it('rejects a slug another document of the same type already has', async () => {
    expect(await check(worker.slug.current, { _id: 'drafts.worker-new', _type: 'modelWorker' })).toBe(false)
    expect(await check(worker.slug.current, { _id: other._id, _type: 'modelWorker' })).toBe(false)
  })

  it('accepts a document’s own slug (published or draft) and slugs of other types', async () => {
    expect(await check(worker.slug.current, { _id: worker._id, _type: 'modelWorker' })).toBe(true)
    expect(await check(worker.slug.current, { _id: `drafts.${worker._id}`, _type: 'modelWorker' })).toBe(true)
    expect(await check(worker.slug.current, { _id: 'story-new', _type: 'story' })).toBe(true)
    expect(await check('no-such-slug-anywhere', { _id: 'worker-new', _type: 'modelWorker' })).toBe(true)
  })

  it('cannot tell when Sanity is out of reach, and says so by not blocking', async () => {
    expect(await check(worker.slug.current, { _id: 'worker-new', _type: 'modelWorker' }, offlineClient)).toBe(true)
  })
})

describe('schema slugs', () => {
  it('every slug field checks uniqueness with isUniqueSlug', () => {
    const slugFields = schemaTypes.flatMap((type: any) =>
      (type.fields ?? []).filter((f: any) => f.type === 'slug').map((f: any) => ({ type: type.name, field: f })),
    )
    expect(slugFields.map((s) => s.type).sort()).toEqual(['modelWorker', 'story', 'tour'])
    for (const { field } of slugFields) expect(field.options?.isUnique).toBe(isUniqueSlug)
  })
})
