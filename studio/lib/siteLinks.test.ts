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
    expect(siteUrlFor({ _id: 'drafts.photo-1', _type: 'photo' }, site)).toBe(`${site}/photos/photo-1/`)
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

  it('encodes each path segment with encodeURIComponent, as the site does', () => {
    // Capitals stay as typed: the page is written under the slug exactly as stored.
    expect(sitePath({ _id: 'w', _type: 'modelWorker', slug: { current: 'Zhang-HongMei' } })).toBe(
      '/workers/Zhang-HongMei/',
    )
    expect(sitePath({ _id: 'w', _type: 'modelWorker', slug: { current: '张红梅' } })).toBe(
      '/workers/%E5%BC%A0%E7%BA%A2%E6%A2%85/',
    )
    expect(sitePath({ _id: 's', _type: 'story', slug: { current: '劳模精神进校园-2024' } })).toBe(
      `/stories/${encodeURIComponent('劳模精神进校园-2024')}/`,
    )
    expect(sitePath({ _id: 't', _type: 'tour', slug: { current: 'Tour_劳模(1)' } })).toBe(
      '/tours/Tour_%E5%8A%B3%E6%A8%A1(1)/',
    )
    expect(sitePath({ _id: 'w', _type: 'modelWorker', slug: { current: 'a/b?c#d%e' } })).toBe(
      '/workers/a%2Fb%3Fc%23d%25e/',
    )
    // Untrimmed, like the site: the link must name the page the site built.
    expect(sitePath({ _id: 'w', _type: 'modelWorker', slug: { current: ' zhang ' } })).toBe('/workers/%20zhang%20/')
  })

  it('encodes talk ids the same way, drafts and versions included', () => {
    expect(sitePath({ _id: 'Talk-ABC', _type: 'talk' })).toBe('/talks/Talk-ABC/')
    expect(sitePath({ _id: 'drafts.talk-兰州-01', _type: 'talk' })).toBe('/talks/talk-%E5%85%B0%E5%B7%9E-01/')
    expect(sitePath({ _id: 'versions.r1.talk.2026', _type: 'talk' })).toBe('/talks/talk.2026/')
  })

  it('joins a site URL with a trailing slash or base path, and escapes the slug', () => {
    expect(siteUrlFor({ _id: 't', _type: 'tour', slug: { current: 'a b' } }, 'http://x.test/base/')).toBe(
      'http://x.test/base/tours/a%20b/',
    )
  })
})
