import { describe, expect, it } from 'vitest'
import type { MapTalk } from './data'
import { talkStatusTitle } from '../format'
import { talkPath } from '#domain/paths'
import { popupHtml } from './popup'

describe('marker popup', () => {
  it('shows date, venue, type and speakers, linking to the talk and profiles, with text escaped', () => {
    const html = popupHtml({
      id: 'talk-007',
      title: '<b>工匠</b>',
      startsAt: '2026-05-01T02:00:00Z',
      year: 2026,
      when: '2026年5月1日 10:00',
      venueName: 'A&B 厂',
      venueType: 'community',
      prefecture: '兰州市',
      county: '城关区',
      status: 'held',
      speakers: [
        { slug: 'li-si', name: '李四' },
        { slug: 'wang-wu', name: '王五' },
      ],
    })
    expect(html).toContain('<a href="/talks/talk-007/">&lt;b&gt;工匠&lt;/b&gt;</a>')
    expect(html).toContain('<a href="/workers/li-si/">李四</a>、<a href="/workers/wang-wu/">王五</a>')
    expect(html).toContain('A&amp;B 厂，兰州市 城关区')
    expect(html).toContain('<dd>社区</dd>')
    expect(html).toContain('2026年5月1日 10:00')
    expect(html).toContain('已举办')
  })

  it('names the state with talkStatusTitle, judged at the given moment', () => {
    const talk: MapTalk = {
      id: 'talk-008',
      title: '工匠',
      startsAt: '2026-05-01T02:00:00Z',
      year: 2026,
      when: '2026年5月1日 10:00',
      venueName: '厂',
      venueType: 'school',
      prefecture: '兰州市',
      county: '',
      status: 'planned',
      speakers: [],
    }
    for (const status of ['planned', 'held', 'cancelled'] as const)
      for (const now of [Date.parse('2026-04-01T00:00:00Z'), Date.parse('2026-06-01T00:00:00Z')])
        expect(popupHtml({ ...talk, status }, now)).toContain(
          `</time>（${talkStatusTitle({ ...talk, status }, now)}）</dd>`,
        )
    expect(popupHtml(talk, Date.parse('2026-06-01T00:00:00Z'))).toContain('（计划中·待更新）')
  })

  it('links to the pages by the URL contract, ids and slugs encoded', () => {
    const html = popupHtml({
      id: 'talk 兰州#1',
      title: '工匠',
      startsAt: '2026-05-01T02:00:00Z',
      year: 2026,
      when: '2026年5月1日 10:00',
      venueName: '厂',
      venueType: 'school',
      prefecture: '兰州市',
      county: '',
      status: 'held',
      speakers: [{ slug: '张 三/?', name: '张三' }],
    })
    expect(html).toContain(`<a href="${talkPath('talk 兰州#1')}">工匠</a>`)
    expect(html).toContain('<a href="/talks/talk%20%E5%85%B0%E5%B7%9E%231/">')
    expect(html).toContain('<a href="/workers/%E5%BC%A0%20%E4%B8%89%2F%3F/">张三</a>')
  })
})
