import { describe, expect, it } from 'vitest'
import {
  absoluteUrl,
  allFeedPath,
  bookingPath,
  documentPath,
  HOME_PATH,
  isPrintViewPath,
  isSplitListPath,
  MAP_POINTS_PATH,
  MAP_TEXT_PATH,
  mapPath,
  photoListPath,
  photoPath,
  posterTalkPath,
  prefectureFeedPath,
  publishedId,
  RSS_PATH,
  SECTION_PATHS,
  SITEMAP_PATH,
  storyPath,
  talkFeedPath,
  talkListPath,
  talkPath,
  talkPosterPath,
  tourPath,
  workerFeedPath,
  workerListPath,
  workerPath,
  workerPrintPath,
} from './paths.ts'

/** Every builder that takes a slug or id, by the page it names. */
const BUILDERS: [string, (value: string) => string, (encoded: string) => string][] = [
  ['worker', workerPath, (e) => `/workers/${e}/`],
  ['talk', talkPath, (e) => `/talks/${e}/`],
  ['talk poster', talkPosterPath, (e) => `/talks/${e}/poster/`],
  ['worker print view', workerPrintPath, (e) => `/workers/${e}/print/`],
  ['story', storyPath, (e) => `/stories/${e}/`],
  ['tour', tourPath, (e) => `/tours/${e}/`],
  ['photo', photoPath, (e) => `/photos/${e}/`],
  ['worker feed', workerFeedPath, (e) => `/calendar/workers/${e}.ics`],
  ['prefecture feed', prefectureFeedPath, (e) => `/calendar/prefectures/${e}.ics`],
  ['talk feed', talkFeedPath, (e) => `/calendar/talks/${e}.ics`],
]

describe('page and feed paths', () => {
  it.each(BUILDERS)('%s: one encoded segment for every kind of value', (_, build, expected) => {
    expect(build('zhang-wei')).toBe(expected('zhang-wei'))
    // Capitals stay as typed: the page is written under the slug exactly as stored.
    expect(build('Zhang-HongMei')).toBe(expected('Zhang-HongMei'))
    expect(build('a b')).toBe(expected('a%20b'))
    expect(build('张红梅')).toBe(expected('%E5%BC%A0%E7%BA%A2%E6%A2%85'))
    expect(build('a/b?c#d%e')).toBe(expected('a%2Fb%3Fc%23d%25e'))
    expect(build('Tour_劳模(1)')).toBe(expected('Tour_%E5%8A%B3%E6%A8%A1(1)'))
    // Untrimmed, like the site: the link must name the page the site built.
    expect(build(' zhang ')).toBe(expected('%20zhang%20'))
  })

  it('decodes back to the value the page was written under', () => {
    for (const [, build, expected] of BUILDERS) {
      const value = '劳模 精神/进校园?#%2024'
      const path = build(value)
      const [prefix, suffix] = expected('\0').split('\0') as [string, string]
      expect(decodeURIComponent(path.slice(prefix.length, path.length - suffix.length))).toBe(value)
    }
  })

  it('names the fixed pages and feeds', () => {
    expect(HOME_PATH).toBe('/')
    expect(allFeedPath).toBe('/calendar.ics')
    expect(RSS_PATH).toBe('/rss.xml')
    expect(SITEMAP_PATH).toBe('/sitemap-index.xml')
    expect([MAP_POINTS_PATH, MAP_TEXT_PATH]).toEqual(['/map/points.json', '/map/text.json'])
    for (const [name, path] of Object.entries(SECTION_PATHS)) expect(path).toBe(`/${name}/`)
  })
})

describe('split list pages', () => {
  it('names a year, a month and a part of the talk list; the first part is the month itself', () => {
    expect(talkListPath('2025')).toBe('/talks/2025/')
    expect(talkListPath('2025', '03')).toBe('/talks/2025/03/')
    expect(talkListPath('2025', '03', 1)).toBe('/talks/2025/03/')
    expect(talkListPath('2025', '03', 2)).toBe('/talks/2025/03/2/')
  })

  it('names a prefecture, an initial and a part of the model-worker list, each segment encoded', () => {
    expect(workerListPath('lanzhou')).toBe('/workers/prefecture/lanzhou/')
    expect(workerListPath('lanzhou', 'z')).toBe('/workers/prefecture/lanzhou/z/')
    expect(workerListPath('lanzhou', 'z', 3)).toBe('/workers/prefecture/lanzhou/z/3/')
    expect(workerListPath('兰 州', '_')).toBe('/workers/prefecture/%E5%85%B0%20%E5%B7%9E/_/')
  })

  it('numbers the photo pages, the first being the gallery itself', () => {
    expect(photoListPath(1)).toBe(SECTION_PATHS.photos)
    expect(photoListPath(2)).toBe('/photos/page/2/')
    expect(photoListPath(64)).toBe('/photos/page/64/')
  })
})

describe('map links', () => {
  it('is the bare map without parameters', () => {
    expect(mapPath()).toBe('/map/')
    expect(mapPath({})).toBe('/map/')
    expect(mapPath({ worker: '', talk: undefined })).toBe('/map/')
  })

  it('presets one parameter, encoded as a query value', () => {
    expect(mapPath({ talk: 'talk-007' })).toBe('/map/?talk=talk-007')
    expect(mapPath({ worker: 'li-ming' })).toBe('/map/?worker=li-ming')
    expect(mapPath({ tour: '兰州 春季' })).toBe('/map/?tour=%E5%85%B0%E5%B7%9E+%E6%98%A5%E5%AD%A3')
    expect(mapPath({ worker: 'a&b=c#d%e/f?' })).toBe('/map/?worker=a%26b%3Dc%23d%25e%2Ff%3F')
    expect(new URLSearchParams(mapPath({ worker: 'a&b=c#d %e' }).split('?')[1]).get('worker')).toBe('a&b=c#d %e')
  })

  it('writes several parameters in the map’s order, whatever order they are given in', () => {
    expect(mapPath({ talk: 't1', year: 2025, type: 'school', prefecture: '兰州市', status: 'held', tour: 'x' })).toBe(
      `/map/?type=school&prefecture=${encodeURIComponent('兰州市')}&year=2025&tour=x&status=held&talk=t1`,
    )
  })
})

describe('booking link', () => {
  it('opens the booking form with the worker chosen', () => {
    expect(bookingPath()).toBe('/schools/#request')
    expect(bookingPath('')).toBe('/schools/#request')
    expect(bookingPath('li-ming')).toBe('/schools/?worker=li-ming#request')
    expect(bookingPath('张 红梅&x')).toBe('/schools/?worker=%E5%BC%A0+%E7%BA%A2%E6%A2%85%26x#request')
    const url = new URL(bookingPath('a#b?c'), 'https://x.test')
    expect([url.pathname, url.searchParams.get('worker'), url.hash]).toEqual(['/schools/', 'a#b?c', '#request'])
    // The topic goes with the worker (or alone: "any available model worker" on that topic).
    const both = new URL(bookingPath('li-ming', '工匠精神 & 安全'), 'https://x.test')
    expect([both.searchParams.get('worker'), both.searchParams.get('topic')]).toEqual(['li-ming', '工匠精神 & 安全'])
    expect(bookingPath(undefined, '劳动教育')).toBe('/schools/?topic=%E5%8A%B3%E5%8A%A8%E6%95%99%E8%82%B2#request')
    expect(bookingPath('li-ming', '')).toBe('/schools/?worker=li-ming#request')
  })
})

describe('documentPath', () => {
  it('links each document type to its page', () => {
    expect(documentPath({ _id: 'worker-a', _type: 'modelWorker', slug: { current: 'yan-guizhen' } })).toBe(
      '/workers/yan-guizhen/',
    )
    expect(documentPath({ _id: 'talk-001', _type: 'talk' })).toBe('/talks/talk-001/')
    expect(documentPath({ _id: 's', _type: 'story', slug: { current: 'a-b' } })).toBe('/stories/a-b/')
    expect(documentPath({ _id: 't', _type: 'tour', slug: { current: 'tour-x' } })).toBe('/tours/tour-x/')
    expect(documentPath({ _id: 'drafts.photo-1', _type: 'photo' })).toBe('/photos/photo-1/')
  })

  it('takes a slug as Sanity stores it or as a plain string (a webhook projection)', () => {
    expect(documentPath({ _id: 's', _type: 'story', slug: 'a b' })).toBe('/stories/a%20b/')
    expect(documentPath({ _id: 's', _type: 'story', slug: { current: 'a b' } })).toBe('/stories/a%20b/')
  })

  it('uses the published id of a draft or release version', () => {
    expect(documentPath({ _id: 'drafts.talk-007', _type: 'talk' })).toBe('/talks/talk-007/')
    expect(publishedId('versions.r1.talk-007')).toBe('talk-007')
    expect(publishedId('drafts.talk-007')).toBe('talk-007')
    expect(publishedId('talk-007')).toBe('talk-007')
  })

  it('has no page without a slug or for types without a page', () => {
    expect(documentPath({ _id: 'w', _type: 'modelWorker' })).toBeNull()
    expect(documentPath({ _id: 'w', _type: 'modelWorker', slug: null })).toBeNull()
    expect(documentPath({ _id: 'w', _type: 'story', slug: { current: '  ' } })).toBeNull()
    expect(documentPath({ _id: 'w', _type: 'tour', slug: '' })).toBeNull()
    expect(documentPath({ _id: 'r', _type: 'talkRequest' })).toBeNull()
    expect(documentPath({ _id: 'siteSettings', _type: 'siteSettings' })).toBeNull()
  })

  it('encodes slugs and ids as the page builders do', () => {
    expect(documentPath({ _id: 'w', _type: 'modelWorker', slug: { current: 'Zhang-HongMei' } })).toBe(
      '/workers/Zhang-HongMei/',
    )
    expect(documentPath({ _id: 'w', _type: 'modelWorker', slug: { current: '张红梅' } })).toBe(
      '/workers/%E5%BC%A0%E7%BA%A2%E6%A2%85/',
    )
    expect(documentPath({ _id: 's', _type: 'story', slug: { current: '劳模精神进校园-2024' } })).toBe(
      `/stories/${encodeURIComponent('劳模精神进校园-2024')}/`,
    )
    expect(documentPath({ _id: 't', _type: 'tour', slug: { current: 'Tour_劳模(1)' } })).toBe(
      '/tours/Tour_%E5%8A%B3%E6%A8%A1(1)/',
    )
    expect(documentPath({ _id: 'w', _type: 'modelWorker', slug: { current: 'a/b?c#d%e' } })).toBe(
      '/workers/a%2Fb%3Fc%23d%25e/',
    )
    expect(documentPath({ _id: 'w', _type: 'modelWorker', slug: { current: ' zhang ' } })).toBe('/workers/%20zhang%20/')
    expect(documentPath({ _id: 'Talk-ABC', _type: 'talk' })).toBe('/talks/Talk-ABC/')
    expect(documentPath({ _id: 'drafts.talk-兰州-01', _type: 'talk' })).toBe('/talks/talk-%E5%85%B0%E5%B7%9E-01/')
    expect(documentPath({ _id: 'versions.r1.talk.2026', _type: 'talk' })).toBe('/talks/talk.2026/')
  })
})

describe('absoluteUrl', () => {
  it('puts a path on the site origin, with or without a trailing slash', () => {
    expect(absoluteUrl('/talks/talk-001/', 'https://laomo.example.org')).toBe(
      'https://laomo.example.org/talks/talk-001/',
    )
    expect(absoluteUrl('/talks/talk-001/', 'https://laomo.example.org/')).toBe(
      'https://laomo.example.org/talks/talk-001/',
    )
    expect(absoluteUrl('/', new URL('https://laomo.example.org'))).toBe('https://laomo.example.org/')
    expect(absoluteUrl(allFeedPath, new URL('https://laomo.example.org/'))).toBe(
      'https://laomo.example.org/calendar.ics',
    )
  })

  it('keeps a base path the site is served under', () => {
    expect(absoluteUrl(tourPath('a b'), 'http://x.test/base/')).toBe('http://x.test/base/tours/a%20b/')
    expect(absoluteUrl(workerPath('li'), 'http://x.test/base')).toBe('http://x.test/base/workers/li/')
  })

  it('keeps encoded segments and queries as built, and a first segment with a colon as a path', () => {
    expect(absoluteUrl(workerPath('a/b?c#d%e'), 'https://x.test')).toBe('https://x.test/workers/a%2Fb%3Fc%23d%25e/')
    expect(absoluteUrl(mapPath({ worker: '张 红' }), 'https://x.test')).toBe(
      `https://x.test${mapPath({ worker: '张 红' })}`,
    )
    expect(absoluteUrl('/a:b/', 'https://x.test')).toBe('https://x.test/a:b/')
  })
})

describe('isPrintViewPath', () => {
  it('names the print views the builders make, and no other page', () => {
    for (const value of ['talk-001', '张红梅', 'poster', 'print'])
      for (const path of [talkPosterPath(value), workerPrintPath(value)]) expect(isPrintViewPath(path)).toBe(true)
    for (const path of [talkPath('poster'), workerPath('print'), SECTION_PATHS.talks, '/talks/poster/x/'])
      expect(isPrintViewPath(path)).toBe(false)
  })
})

describe('posterTalkPath', () => {
  it('finds the talk of a poster address, with or without its last slash, and nothing else', () => {
    for (const id of ['talk-001', '张红梅', 'poster']) {
      expect(posterTalkPath(talkPosterPath(id))).toBe(talkPath(id))
      expect(posterTalkPath(talkPosterPath(id).slice(0, -1))).toBe(talkPath(id))
    }
    for (const path of [
      talkPath('x'),
      '/talks/poster/',
      '/talks/a/b/poster/',
      workerPrintPath('x'),
      '/workers/a/poster/',
    ])
      expect(posterTalkPath(path)).toBeNull()
  })
})

describe('isSplitListPath', () => {
  it('names every page the list builders make, and no document’s page', () => {
    for (const path of [
      talkListPath('2026'),
      talkListPath('2026', '03'),
      talkListPath('2026', '03', 2),
      workerListPath('lanzhou'),
      workerListPath('lanzhou', 'Z', 3),
      photoListPath(2),
    ])
      expect(isSplitListPath(path), path).toBe(true)
    for (const path of [
      talkPath('talk-001'),
      talkPosterPath('talk-001'),
      workerPath('li-ming'),
      photoPath('photo-1'),
      photoListPath(1),
      SECTION_PATHS.talks,
      SECTION_PATHS.workers,
      '/workers/prefecture/',
    ])
      expect(isSplitListPath(path), path).toBe(false)
  })
})
