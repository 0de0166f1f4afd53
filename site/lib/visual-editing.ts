/**
 * Click-to-edit in the Studio's 预览 tool: in a preview build (IS_PREVIEW) the titles and texts editors
 * change most carry a `data-sanity` attribute naming the document and field, which Sanity's overlays
 * (@sanity/visual-editing, injected into preview builds by astro.config.mjs) turn into "edit this" outlines that open the field in the
 * Studio. Explicit attributes rather than stega-encoded strings: nothing invisible is ever mixed into the
 * text, and the public build carries neither.
 */
import { createDataAttribute } from '@sanity/visual-editing/create-data-attribute'
import { PLACEHOLDER_PROJECT_ID } from '#domain/sanity'
import { IS_PREVIEW } from './site'

const TARGET = {
  baseUrl: process.env.SANITY_STUDIO_URL || '/studio',
  projectId: process.env.SANITY_PROJECT_ID || PLACEHOLDER_PROJECT_ID,
  dataset: process.env.SANITY_DATASET || 'production',
}

/** The attribute for one field of one document in a preview build; nothing in the public build. */
export function editable(type: string, id: string, path: string): string | undefined {
  return IS_PREVIEW ? createDataAttribute({ ...TARGET, type, id, path }).toString() : undefined
}
