/**
 * Drafts, as the Studio leaves them before 发布: seen only by the preview server (npm run preview:drafts),
 * never by the public site. One unpublished edit of a story, and one story never published.
 */
import { DRAFT_TITLE_PREFIX, EDITED_STORY_SLUG, EDITED_TITLE_SUFFIX, NEW_DRAFT } from './data/stories.ts'
import { portableText, type Json } from './portable-text.ts'

/** `stories` are the story documents; the never-published one borrows the first's other fields. */
export function buildDrafts(stories: Json[]): Json[] {
  const edited = stories.find((d) => (d.slug as { current: string }).current === EDITED_STORY_SLUG)!
  const base = stories[0]!
  return [
    {
      ...edited,
      _id: `drafts.${edited._id}`,
      title: `${DRAFT_TITLE_PREFIX}${String(edited.title)}${EDITED_TITLE_SUFFIX}`,
    },
    {
      ...base,
      _id: `drafts.${NEW_DRAFT.id}`,
      title: NEW_DRAFT.title,
      slug: { _type: 'slug', current: NEW_DRAFT.slug },
      publishedAt: NEW_DRAFT.publishedAt,
      excerpt: NEW_DRAFT.excerpt,
      body: portableText(`${NEW_DRAFT.id}.body`, NEW_DRAFT.body),
      relatedWorkers: [],
    },
  ]
}
