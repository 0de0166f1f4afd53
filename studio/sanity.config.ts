import { defineConfig, type DocumentActionComponent } from 'sanity'
import { structureTool } from 'sanity/structure'
import { zhHansLocale } from '@sanity/locale-zh-hans'
import { schemaTypes, SINGLETON_TYPES } from './schemaTypes'
import { studioDataset, studioProjectId } from './env'
import { structure } from './structure'
import { templates } from './templates'
import { locationInputPlugin } from './plugins/location'
import { publishStatusPlugin } from './plugins/publishStatus'
import { previewTool } from './presentation'
import { PARAMETERISED_TEMPLATES } from './lib/templates'
import { ViewOnSiteAction } from './actions/ViewOnSiteAction'
import { PREVIEWABLE_TYPES, PreviewAction } from './actions/PreviewAction'
import { ScheduleTalkAction } from './actions/ScheduleTalkAction'
import { FeedbackLinkAction } from './actions/FeedbackLinkAction'
import { REQUEST_STATUS_ACTIONS } from './actions/RequestStatusActions'
import { NewPhotoForTalkAction, NewTalkForWorkerAction } from './actions/CreateFromTemplateActions'
import { TYPES_WITH_SLUG_PAGES, withFormerSlugs } from './actions/PublishWithFormerSlugs'

/** Types with a page on the site get "在网站上查看". */
const TYPES_WITH_PAGES = new Set(['modelWorker', 'talk', 'story', 'tour', 'photo', 'siteSettings'])

export default defineConfig({
  name: 'laomo',
  title: '劳模宣讲 · 内容管理',
  projectId: studioProjectId,
  dataset: studioDataset,
  plugins: [
    structureTool({ structure, title: '内容' }),
    zhHansLocale(),
    locationInputPlugin(),
    previewTool,
    publishStatusPlugin(),
  ],
  schema: {
    types: schemaTypes,
    templates,
  },
  document: {
    // The global "create" menu offers neither singletons nor templates that need a parent document.
    newDocumentOptions: (options, { creationContext }) =>
      creationContext.type === 'global' ? options.filter((o) => !PARAMETERISED_TEMPLATES.has(o.templateId)) : options,
    actions: (actions, { schemaType }) => {
      const filtered = SINGLETON_TYPES.has(schemaType)
        ? actions.filter(({ action }) => action && ['publish', 'discardChanges', 'restore'].includes(action))
        : actions
      // A slug change keeps the old address redirecting (lib/formerSlugs.ts).
      const base = TYPES_WITH_SLUG_PAGES.has(schemaType)
        ? filtered.map((a) => (a.action === 'publish' ? withFormerSlugs(a) : a))
        : filtered
      const extra: DocumentActionComponent[] = []
      if (schemaType === 'modelWorker') extra.push(NewTalkForWorkerAction)
      if (schemaType === 'talk') extra.push(NewPhotoForTalkAction, FeedbackLinkAction)
      if (PREVIEWABLE_TYPES.has(schemaType)) extra.push(PreviewAction)
      if (TYPES_WITH_PAGES.has(schemaType)) extra.push(ViewOnSiteAction)
      // The request inbox: "安排报告会" is the primary button, status changes follow.
      if (schemaType === 'talkRequest') return [ScheduleTalkAction, ...REQUEST_STATUS_ACTIONS, ...base]
      return [...base, ...extra]
    },
  },
})
