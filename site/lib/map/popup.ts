/** The marker popup's HTML: date, venue, venue type, status, speakers; links to the talk and profiles. */
import { titleOf, VENUE_TYPES } from '#domain/vocabulary'
import { talkStatusTitle } from '../format'
import { escapeHtml } from '#domain/html'
import type { MapTalk } from './data'
import { talkPath, workerPath } from '#domain/paths'

/** The state is judged at `now`, the reader's clock, as in the list. */
export function popupHtml(talk: MapTalk, now: number = Date.now()): string {
  const speakers = talk.speakers.length
    ? talk.speakers.map((s) => `<a href="${workerPath(s.slug)}">${escapeHtml(s.name)}</a>`).join('、')
    : '未填写'
  const place = [talk.prefecture, talk.county].filter(Boolean).join(' ')
  return `<div class="talk-popup" data-popup-talk="${escapeHtml(talk.id)}">
<p class="talk-popup-title"><a href="${talkPath(talk.id)}">${escapeHtml(talk.title)}</a></p>
<dl>
<dt>时间</dt><dd><time datetime="${escapeHtml(talk.startsAt)}">${escapeHtml(talk.when)}</time>（${talkStatusTitle(talk, now)}）</dd>
<dt>地点</dt><dd>${escapeHtml(talk.venueName)}，${escapeHtml(place)}</dd>
<dt>类型</dt><dd>${titleOf(VENUE_TYPES, talk.venueType)}</dd>
<dt>宣讲人</dt><dd>${speakers}</dd>
</dl>
</div>`
}
