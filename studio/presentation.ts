/**
 * The 预览 tool (Sanity's Presentation): the preview server's page beside the document form. Its
 * `previewMode.enable` route takes the per-session secret the tool creates (server/preview/access.ts), and
 * each document type names the pages that show it, so opening a document opens its page.
 */
import { defineLocations, presentationTool } from 'sanity/presentation'
import { previewUrl } from './env'
import { HOME_PATH, SECTION_PATHS } from '#domain/paths'
import { sitePath } from './lib/siteLinks'

const SECTIONS: Record<string, { title: string; href: string }> = {
  modelWorker: { title: '劳模风采', href: SECTION_PATHS.workers },
  talk: { title: '报告会', href: SECTION_PATHS.talks },
  story: { title: '报道', href: SECTION_PATHS.stories },
  tour: { title: '宣讲活动', href: SECTION_PATHS.tours },
  photo: { title: '图片', href: SECTION_PATHS.photos },
}

/** The document's own page, then the list it appears in. */
const locationsOf = (type: string, label: string) =>
  defineLocations({
    select: { _id: '_id', slug: 'slug', title: label },
    resolve: (doc) => {
      const own = doc ? sitePath({ _id: String(doc._id), _type: type, slug: doc.slug }) : null
      return {
        locations: [...(own ? [{ title: String(doc?.title ?? '此页'), href: own }] : []), SECTIONS[type]!],
        ...(own ? {} : { message: '填写网址标识后，此文档才有自己的页面', tone: 'caution' as const }),
      }
    },
  })

export const previewTool = presentationTool({
  name: 'preview',
  title: '预览',
  previewUrl: { initial: previewUrl, previewMode: { enable: '/preview/enable' } },
  allowOrigins: [previewUrl],
  resolve: {
    locations: {
      modelWorker: locationsOf('modelWorker', 'name'),
      talk: locationsOf('talk', 'title'),
      story: locationsOf('story', 'title'),
      tour: locationsOf('tour', 'title'),
      photo: locationsOf('photo', 'caption'),
      siteSettings: { locations: [{ title: '首页', href: HOME_PATH }] },
    },
  },
})
