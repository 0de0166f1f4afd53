/**
 * The list beside the talk map, rendered in the browser from the map data (the page carries the
 * talks once, as compact JSON). Pure: HTML strings and the arithmetic of how much of the list is
 * shown; the island puts them into the DOM. The list grows a page at a time as the reader scrolls
 * (or presses "再显示"), so tens of thousands of talks never become tens of thousands of items at once.
 */
import { titleOf, VENUE_TYPES } from '#domain/vocabulary'
import { talkState, talkStatusTitle } from '../format'
import type { MapTalk } from './data'
import { escapeHtml } from '#domain/html'
import { talkPath, workerPath } from '#domain/paths'
import { venueSymbolUse } from './symbols'

/** Items rendered at first, and added by each "再显示". */
export const LIST_PAGE = 250

/**
 * Items the map's first view (`./firstView`) carries text for, and so the list's first page until all
 * talks are in: more than a screen shows before the reader scrolls, and scrolling brings all talks.
 */
export const FIRST_VIEW_PAGE = 50

/**
 * One list item (needs `venueSymbolSprite()` on the page). Every text is escaped. The state is
 * judged at `now` (the reader's clock: a page built weeks ago still tells a passed talk from a coming one).
 */
export function listItemHtml(talk: MapTalk, current = false, now: number = Date.now()): string {
  const title = escapeHtml(talk.title)
  const place = [talk.prefecture, talk.county].filter(Boolean).join(' ')
  const speakers = talk.speakers
    .map((s) => `<a href="${escapeHtml(workerPath(s.slug))}">${escapeHtml(s.name)}</a>`)
    .join('、')
  return (
    `<li data-talk-id="${escapeHtml(talk.id)}"${talk.location ? ' data-located=""' : ''}${current ? ' aria-current="true"' : ''}>` +
    `<a class="talk-list-title" href="${escapeHtml(talkPath(talk.id))}">${title}</a>` +
    `<div class="talk-list-meta"><time datetime="${escapeHtml(talk.startsAt)}">${escapeHtml(talk.when)}</time>` +
    `<span class="talk-status talk-status-${talkState(talk, now)}">${talkStatusTitle(talk, now)}</span></div>` +
    `<div class="talk-list-meta"><span class="talk-type">${venueSymbolUse(talk.venueType)}${titleOf(VENUE_TYPES, talk.venueType)}</span>` +
    `${escapeHtml(talk.venueName)}，${escapeHtml(place)}</div>` +
    (speakers ? `<div class="talk-list-meta">宣讲人：${speakers}</div>` : '') +
    (talk.location
      ? `<button type="button" class="talk-locate" data-locate>在地图上查看<span class="visually-hidden">：${title}</span></button>`
      : '<p class="talk-unplaced">未标注地点，未在地图上显示</p>') +
    '</li>'
  )
}

/** How many items to show first for `total` matching talks. */
export function firstShown(total: number, page = LIST_PAGE): number {
  return Math.min(total, page)
}

/** How many items to show after one more page. */
export function moreShown(shown: number, total: number, page = LIST_PAGE): number {
  return Math.min(total, shown + page)
}

/**
 * How many items to show so that the item at `index` (a selected talk) is among them: the list
 * grows by whole pages, and never shrinks.
 */
export function shownToInclude(shown: number, index: number, total: number, page = LIST_PAGE): number {
  if (index < shown || index < 0) return shown
  return Math.min(total, Math.ceil((index + 1) / page) * page)
}

/** The note under the count when the list shows only part of the matching talks ('' when it shows all). */
export function partialText(shown: number, total: number): string {
  return shown < total ? `列表显示前 ${shown} 场，向下滚动可显示更多。` : ''
}

/** The label of the button that shows the next page ('' when nothing is left). */
export function moreLabel(shown: number, total: number, page = LIST_PAGE): string {
  const next = Math.min(page, total - shown)
  return next > 0 ? `再显示 ${next} 场` : ''
}
