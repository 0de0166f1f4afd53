/** Fixed text of the sample stories; the stories built from the talks are in ../stories.ts. */
import type { BodyItem } from '../portable-text.ts'

/** Opens every story about sample talks, so no reader takes them for news. */
export const FICTION_NOTE = '（本文为演示用示例报道，文中劳模、单位和场次均为虚构示例。）'
export const STORY_AUTHOR = '劳模宣讲编辑部（示例）'

/** A body item of a fixed story: as in Portable Text, with images named by photo id. */
export type StoryBodyItem = Exclude<BodyItem, { image: unknown }> | { photo: string }

export interface FixedStorySpec {
  id: string
  slug: string
  title: string
  publishedAt: string
  excerpt: string
  mainPhoto: string
  body: StoryBodyItem[]
  related: string[]
}

/** Drafts are labelled as such in their titles; the preview server shows them, the public site never. */
export const DRAFT_TITLE_PREFIX = '【草稿示例】'
/** The published story that has an unpublished edit, and how its draft title reads. */
export const EDITED_STORY_SLUG = 'qiye-banzu-yitangke'
export const EDITED_TITLE_SUFFIX = '（修改尚未发布）'

/** A story never published: it exists only as a draft. */
export const NEW_DRAFT = {
  id: 'story-draft-sample',
  title: `${DRAFT_TITLE_PREFIX}尚未发布的报道：劳模宣讲走进乡村`,
  slug: 'caogao-shili-zoujin-xiangcun',
  publishedAt: '2026-11-30T02:00:00Z',
  excerpt: '这是一篇示例草稿，只在预览中可见；发布之前，它不会出现在网站上。',
  body: [
    FICTION_NOTE,
    '这篇示例草稿用来演示预览：编辑在内容管理后台保存草稿后，可以在预览中看到它在网站上的样子，再决定是否发布。',
  ],
}
