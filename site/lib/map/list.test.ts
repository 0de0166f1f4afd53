import { describe, expect, it } from 'vitest'
import type { MapTalk } from './data'
import { talkState, talkStatusTitle } from '../format'
import { firstShown, LIST_PAGE, listItemHtml, moreLabel, moreShown, partialText, shownToInclude } from './list'

const talk: MapTalk = {
  id: 'talk-007',
  title: '<script>alert("x")</script> & 工匠',
  startsAt: '2026-05-01T02:00:00Z',
  year: 2026,
  when: '2026年5月1日 10:00',
  venueName: 'A&B "厂"',
  venueType: 'school',
  prefecture: '兰州市',
  county: '城关区',
  status: 'cancelled',
  location: { lat: 36.06, lng: 103.83 },
  speakers: [
    { slug: 'li-si', name: '李四' },
    { slug: 'wang-wu', name: '<b>王五</b>' },
  ],
}

describe('map list item', () => {
  it('has the list markup: id, links, date, status, type, place, speakers and the locate button', () => {
    const html = listItemHtml(talk)
    expect(html).toMatch(/^<li data-talk-id="talk-007" data-located="">/)
    expect(html).toContain('<a class="talk-list-title" href="/talks/talk-007/">')
    expect(html).toContain('<time datetime="2026-05-01T02:00:00Z">2026年5月1日 10:00</time>')
    expect(html).toContain('<span class="talk-status talk-status-cancelled">已取消</span>')
    expect(html).toContain(
      '<use href="#venue-symbol-school"/></svg>校园</span>A&amp;B &quot;厂&quot;，兰州市 城关区</div>',
    )
    expect(html).toContain(
      '宣讲人：<a href="/workers/li-si/">李四</a>、<a href="/workers/wang-wu/">&lt;b&gt;王五&lt;/b&gt;</a>',
    )
    expect(html).toMatch(
      /<button type="button" class="talk-locate" data-locate>在地图上查看<span class="visually-hidden">：/,
    )
    expect(html).not.toContain('aria-current')
    expect(listItemHtml(talk, true)).toMatch(/^<li [^>]*aria-current="true">/)
  })

  it('names the state with talkStatusTitle, judged at the given moment', () => {
    const before = Date.parse('2026-04-01T00:00:00Z')
    const after = Date.parse('2026-06-01T00:00:00Z')
    for (const status of ['planned', 'held', 'cancelled'] as const)
      for (const now of [before, after]) {
        const html = listItemHtml({ ...talk, status }, false, now)
        expect(html).toContain(
          `<span class="talk-status talk-status-${talkState({ ...talk, status }, now)}">${talkStatusTitle({ ...talk, status }, now)}</span>`,
        )
      }
    expect(listItemHtml({ ...talk, status: 'planned' }, false, before)).toContain('>计划中</span>')
    expect(listItemHtml({ ...talk, status: 'planned' }, false, after)).toContain('>计划中·待更新</span>')
  })

  it('escapes every text: a <script>-like title stays text', () => {
    const html = listItemHtml(talk)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 工匠')
  })

  it('escapes an unusual id in the attribute and the link', () => {
    const html = listItemHtml({ ...talk, id: 'a"b<c' })
    expect(html).toContain('data-talk-id="a&quot;b&lt;c"')
    expect(html).toContain('href="/talks/a%22b%3Cc/"')
  })

  it('says "未标注地点" instead of a button when the talk has no location, and omits missing speakers', () => {
    const html = listItemHtml({ ...talk, location: undefined, speakers: [], county: undefined })
    expect(html).not.toContain('data-located')
    expect(html).not.toContain('data-locate')
    expect(html).not.toContain('宣讲人')
    expect(html).toContain('<p class="talk-unplaced">未标注地点，未在地图上显示</p>')
    expect(html).toContain('，兰州市</div>')
  })
})

describe('incremental list window', () => {
  it('shows the first page, then a page more each time, up to the total', () => {
    expect(LIST_PAGE).toBe(250)
    expect(firstShown(213)).toBe(213)
    expect(firstShown(20_000)).toBe(250)
    expect(firstShown(0)).toBe(0)
    expect(moreShown(250, 20_000)).toBe(500)
    expect(moreShown(250, 400)).toBe(400)
    expect(moreShown(400, 400)).toBe(400)
  })

  it('grows by whole pages to include a selected item, and never shrinks', () => {
    expect(shownToInclude(250, 10, 20_000)).toBe(250)
    expect(shownToInclude(250, 250, 20_000)).toBe(500)
    expect(shownToInclude(250, 19_999, 20_000)).toBe(20_000)
    expect(shownToInclude(250, 1_234, 20_000)).toBe(1_250)
    expect(shownToInclude(250, 1_234, 1_240)).toBe(1_240)
    expect(shownToInclude(1_000, 600, 20_000)).toBe(1_000)
    expect(shownToInclude(250, -1, 20_000)).toBe(250)
  })

  it('says when only part is shown, and what the button adds', () => {
    expect(partialText(213, 213)).toBe('')
    expect(partialText(250, 20_000)).toBe('列表显示前 250 场，向下滚动可显示更多。')
    expect(moreLabel(250, 20_000)).toBe('再显示 250 场')
    expect(moreLabel(250, 300)).toBe('再显示 50 场')
    expect(moreLabel(300, 300)).toBe('')
  })
})
