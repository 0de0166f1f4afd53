/**
 * Every path of the public site, built in one place. Slugs are typed by editors and may hold
 * capitals or Chinese characters, and ids are Sanity's: each segment is percent-encoded the same
 * way everywhere (pages, sitemap, feeds, map data), so a link always reaches the page Astro wrote.
 */
const seg = (value: string) => encodeURIComponent(value)

export const workerPath = (slug: string) => `/workers/${seg(slug)}/`
export const talkPath = (id: string) => `/talks/${seg(id)}/`
export const storyPath = (slug: string) => `/stories/${seg(slug)}/`
export const tourPath = (slug: string) => `/tours/${seg(slug)}/`
export const photoPath = (id: string) => `/photos/${seg(id)}/`

export const allFeedPath = '/calendar.ics'
export const workerFeedPath = (slug: string) => `/calendar/workers/${seg(slug)}.ics`
export const prefectureFeedPath = (slug: string) => `/calendar/prefectures/${seg(slug)}.ics`
export const talkFeedPath = (id: string) => `/calendar/talks/${seg(id)}.ics`

/** Links into the talk map; parameters per CONTRACTS.md. */
export const mapPath = (params: Record<string, string> = {}) => {
  const query = new URLSearchParams(params).toString()
  return `/map/${query ? `?${query}` : ''}`
}
