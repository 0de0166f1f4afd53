import { defineArrayMember, defineField } from 'sanity'

/**
 * Renamed slugs. A document remembers the slugs it was published under (`formerSlugs`), so the site
 * can write a redirect at each old address in every build, clean or incremental: the content alone
 * says where old links go. The publish action (studio/actions/PublishWithFormerSlugs.tsx) records them.
 */

/** A document as the publish action sees it (any Sanity document: the fields are read with care). */
interface SlugDoc {
  slug?: unknown
  formerSlugs?: unknown
  [field: string]: unknown
}

const slugOf = (doc: SlugDoc | null | undefined) => {
  const current = (doc?.slug as { current?: unknown } | null | undefined)?.current
  return typeof current === 'string' && current !== '' ? current : undefined
}

/** A slug patch as the Studio's patch operation takes it. */
export type FormerSlugsPatch = { set: { formerSlugs: string[] } }

/**
 * What publishing `draft` over `published` must write into the draft first: the published slug joins
 * the former ones when the slug changes, and a slug taken back stops being "former". Null: nothing to do.
 */
export function formerSlugsPatch(
  published: SlugDoc | null | undefined,
  draft: SlugDoc | null | undefined,
): FormerSlugsPatch | null {
  const next = slugOf(draft)
  if (!draft || !next) return null
  const before = (Array.isArray(draft.formerSlugs) ? draft.formerSlugs : []).filter(
    (s): s is string => typeof s === 'string',
  )
  const old = slugOf(published)
  const after = [...before]
  if (old && old !== next && !after.includes(old)) after.push(old)
  const kept = after.filter((s) => s !== next)
  const same = kept.length === before.length && kept.every((s, i) => s === before[i])
  return same ? null : { set: { formerSlugs: kept } }
}

/** The field itself, the same on every type with a slug; editors see it as history. */
export const formerSlugsField = (group?: string) =>
  defineField({
    name: 'formerSlugs',
    title: '旧网址标识',
    type: 'array',
    of: [defineArrayMember({ type: 'string' })],
    ...(group ? { group } : {}),
    description:
      '发布时自动记录：修改“网址标识”后，旧网址（分享的链接、二维码、日历订阅）会自动跳转到新页面。其他文档不能再使用这些标识。只有管理员可删除其中一项（旧链接随之失效）。',
    // Administrators may release an old slug for another document; everyone else sees history only.
    readOnly: ({ currentUser }) => !currentUser?.roles?.some((r) => r.name === 'administrator'),
  })
