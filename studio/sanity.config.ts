import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { zhHansLocale } from '@sanity/locale-zh-hans'
import { schemaTypes, SINGLETON_TYPES } from './schemaTypes'
import { studioDataset, studioProjectId } from './env'

export default defineConfig({
  name: 'laomo',
  title: '劳模宣讲 · 内容管理',
  projectId: studioProjectId,
  dataset: studioDataset,
  plugins: [structureTool(), zhHansLocale()],
  schema: {
    types: schemaTypes,
    // Singletons are edited in place, never created from the global "new document" menu.
    templates: (templates) => templates.filter(({ schemaType }) => !SINGLETON_TYPES.has(schemaType)),
  },
  document: {
    actions: (actions, { schemaType }) =>
      SINGLETON_TYPES.has(schemaType)
        ? actions.filter(({ action }) => action && ['publish', 'discardChanges', 'restore'].includes(action))
        : actions,
  },
})
