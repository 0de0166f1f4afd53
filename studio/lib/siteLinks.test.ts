import { describe, expect, it } from 'vitest'
import { publishedId, sitePath, siteUrlFor } from './siteLinks'

const site = 'https://laomo.example.org'

describe('siteUrlFor', () => {
  it('links each document type to its page (CONTRACTS.md)', () => {
    expect(siteUrlFor({ _id: 'worker-a', _type: 'modelWorker', slug: { current: 'yan-guizhen' } }, site)).toBe(
      `${site}/workers/yan-guizhen/`,
    )
    expect(siteUrlFor({ _id: 'talk-001', _type: 'talk' }, site)).toBe(`${site}/talks/talk-001/`)
    expect(siteUrlFor({ _id: 's', _type: 'story', slug: { current: 'a-b' } }, site)).toBe(`${site}/stories/a-b/`)
    expect(siteUrlFor({ _id: 't', _type: 'tour', slug: { current: 'tour-x' } }, site)).toBe(`${site}/tours/tour-x/`)
    expect(siteUrlFor({ _id: 'photo-1', _type: 'photo' }, site)).toBe(`${site}/photos/`)
    expect(siteUrlFor({ _id: 'siteSettings', _type: 'siteSettings' }, site)).toBe(`${site}/`)
  })

  it('uses the published id of a draft talk', () => {
    expect(sitePath({ _id: 'drafts.talk-007', _type: 'talk' })).toBe('/talks/talk-007/')
    expect(publishedId('versions.r1.talk-007')).toBe('talk-007')
  })

  it('has no link without a slug or for types without a page', () => {
    expect(sitePath({ _id: 'w', _type: 'modelWorker' })).toBeNull()
    expect(sitePath({ _id: 'w', _type: 'story', slug: { current: '  ' } })).toBeNull()
    expect(sitePath({ _id: 'r', _type: 'talkRequest' })).toBeNull()
  })

  it('joins a site URL with a trailing slash or base path, and escapes the slug', () => {
    expect(siteUrlFor({ _id: 't', _type: 'tour', slug: { current: 'a b' } }, 'http://x.test/base/')).toBe(
      'http://x.test/base/tours/a%20b/',
    )
  })
})
