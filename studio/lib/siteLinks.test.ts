import { describe, expect, it } from 'vitest'
import { documentPath } from '#domain/paths'
import { publishedId, sitePath, siteUrlFor } from './siteLinks'

// The paths themselves (every type, encoding, drafts) are tested with the URL contract, domain/paths.test.ts.
const site = 'https://laomo.example.org'

describe('siteUrlFor', () => {
  it('links a document to its page as the URL contract builds it', () => {
    for (const doc of [
      { _id: 'worker-a', _type: 'modelWorker', slug: { current: 'yan-guizhen' } },
      { _id: 'drafts.talk-007', _type: 'talk' },
      { _id: 't', _type: 'tour', slug: { current: 'Tour_劳模(1)' } },
    ]) {
      expect(sitePath(doc)).toBe(documentPath(doc))
      expect(siteUrlFor(doc, site)).toBe(`${site}${documentPath(doc)}`)
    }
    expect(publishedId('versions.r1.talk-007')).toBe('talk-007')
  })

  it('shows the site settings on the home page', () => {
    expect(siteUrlFor({ _id: 'siteSettings', _type: 'siteSettings' }, site)).toBe(`${site}/`)
  })

  it('has no link without a slug or for types without a page', () => {
    expect(sitePath({ _id: 'w', _type: 'modelWorker' })).toBeNull()
    expect(siteUrlFor({ _id: 'w', _type: 'story', slug: { current: '  ' } }, site)).toBeNull()
    expect(siteUrlFor({ _id: 'r', _type: 'talkRequest' }, site)).toBeNull()
  })

  it('joins a site URL with a trailing slash or base path, and escapes the slug', () => {
    expect(siteUrlFor({ _id: 't', _type: 'tour', slug: { current: 'a b' } }, 'http://x.test/base/')).toBe(
      'http://x.test/base/tours/a%20b/',
    )
  })
})
