import rss from '@astrojs/rss'
import { getCollection } from 'astro:content'
import type { APIContext } from 'astro'
import { getSettings } from '../lib/site'
import { storyPath } from '#domain/paths'

/** RSS feed of stories, newest first. */
export async function GET(context: APIContext) {
  const settings = await getSettings()
  const stories = (await getCollection('stories')).map((s) => s.data)
  stories.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
  return rss({
    title: `${settings.title} · 报道`,
    description: settings.tagline ?? `${settings.organisation}劳模宣讲活动报道`,
    site: context.site!,
    customData: '<language>zh-cn</language>',
    items: stories.map((s) => ({
      title: s.title,
      pubDate: new Date(s.publishedAt),
      link: storyPath(s.slug),
      ...(s.excerpt ? { description: s.excerpt } : {}),
      ...(s.author ? { author: s.author } : {}),
    })),
  })
}
