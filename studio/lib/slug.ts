import type { SlugIsUniqueValidator, SlugifierFn, SlugRule } from 'sanity'
import { API_VERSION } from '#domain/sanity'

/** No retries: offline, a quick "cannot tell" beats a 30 s wait. */
const CLIENT_CONFIG = { maxRetries: 0, timeout: 5000 }

/**
 * Slug uniqueness across published documents and drafts of the same type, counting their former slugs
 * (formerSlugs.ts): an old address keeps redirecting, so no other document may take it. The built-in check
 * throws when the API is out of reach (e.g. `sanity documents validate` offline); here an
 * unreachable API means "cannot tell", not an error, so offline validation still runs.
 */
export const isUniqueSlug: SlugIsUniqueValidator = async (slug, context) => {
  const { document, getClient } = context
  if (!document?._id || !slug) return true
  const id = document._id.replace(/^drafts\./, '')
  try {
    const taken = await getClient({ apiVersion: API_VERSION })
      .withConfig(CLIENT_CONFIG)
      .fetch<boolean>(
        'defined(*[_type == $type && (slug.current == $slug || $slug in formerSlugs) && !(_id in [$id, $draft])][0]._id)',
        {
          type: document._type,
          slug,
          id,
          draft: `drafts.${id}`,
        },
      )
    return !taken
  } catch {
    return true
  }
}

// ---------------------------------------------------------------------------------------------
// Generated slugs ("生成"): pinyin from pinyinSlug.ts, loaded when an editor presses the button
// (its dictionaries are ~150 KB gzipped, too much for every Studio start), then made unique.

/** Shorten a slug to at most `maxLength` characters, cutting at a hyphen where there is one. */
export function trimSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug
  if (maxLength <= 0) return ''
  const cut = slug.slice(0, maxLength + 1).lastIndexOf('-')
  return (cut > 0 ? slug.slice(0, cut) : slug.slice(0, maxLength)).replace(/-+$/, '')
}

/**
 * `base` if nobody has it, else the first free `base-2`, `base-3`, …; with `maxLength`, the base
 * is shortened (at a hyphen) to leave room for the suffix.
 */
export function nextFreeSlug(base: string, taken: Iterable<string>, maxLength?: number): string {
  const used = new Set(taken)
  if (!used.has(base)) return base
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const stem = maxLength ? trimSlug(base, maxLength - suffix.length) : base
    const candidate = stem ? `${stem}${suffix}` : String(n)
    if (!used.has(candidate)) return candidate
  }
}

/** Published id of a draft or release version, as isUniqueSlug treats drafts. */
const publishedId = (id: string) => id.replace(/^drafts\./, '').replace(/^versions\.[^.]+\./, '')

/**
 * A Studio slugifier: `toSlug` gives the base slug (trimmed to the field's maxLength), then the
 * dataset is asked which slugs of the same type (other documents, published or draft) start with
 * it, and `-2`, `-3`, … is appended until free. Offline it returns the base slug: "cannot tell",
 * as in isUniqueSlug.
 */
export function uniqueSlugifier(toSlug: (source: string, maxLength?: number) => string | Promise<string>): SlugifierFn {
  return async (source, schemaType, context) => {
    const maxLength = schemaType.options?.maxLength
    const base = await toSlug(source, maxLength)
    // The slug fields are top-level, so the parent is the document being edited.
    const doc = Array.isArray(context.parent) ? undefined : context.parent
    const type = doc?._type
    if (!base || typeof type !== 'string') return base
    const self = typeof doc?._id === 'string' ? doc._id : ''
    const id = publishedId(self)
    // Every candidate up to -999 starts with this (a shorter cut of the base is a prefix of a longer one).
    const stem = maxLength ? trimSlug(base, maxLength - 4) : base
    try {
      // Former slugs count as taken: they still redirect to their document.
      const rows = await context
        .getClient({ apiVersion: API_VERSION })
        .withConfig(CLIENT_CONFIG)
        .fetch<{ slug?: unknown; formerSlugs?: unknown }[]>(
          `*[_type == $type && !(_id in [$id, $draft, $editing]) &&
            (string::startsWith(slug.current, $stem) || count(formerSlugs[string::startsWith(@, $stem)]) > 0)
          ]{ "slug": slug.current, formerSlugs }`,
          { type, id, draft: `drafts.${id}`, editing: self, stem },
        )
      const taken = rows.flatMap((r) => [r.slug, ...(Array.isArray(r.formerSlugs) ? r.formerSlugs : [])])
      return nextFreeSlug(
        base,
        taken.filter((s): s is string => typeof s === 'string'),
        maxLength,
      )
    } catch {
      return base
    }
  }
}

/** "生成" for a person's name (modelWorker.name). */
export const slugifyName: SlugifierFn = uniqueSlugifier(async (name, max) =>
  (await import('./pinyinSlug')).slugFromName(name, max),
)
/** "生成" for a title (story.title, tour.title). */
export const slugifyTitle: SlugifierFn = uniqueSlugifier(async (title, max) =>
  (await import('./pinyinSlug')).slugFromTitle(title, max),
)

// ---------------------------------------------------------------------------------------------
// Hand-typed slugs. The site encodes each path segment, so any character works, but these break
// the path itself (or survive only as %-escapes nobody can type).

export interface SlugIssue {
  level: 'error' | 'warning'
  message: string
}

/** Characters that end or escape a URL path segment, plus whitespace and invisible controls. */
const BREAKS_PATH = /[/?#%\\\s\p{Cc}\p{Cf}\p{Cs}]/gu

const describe = (c: string) =>
  c === ' '
    ? '空格'
    : c === '\u3000'
      ? '全角空格'
      : /\s/u.test(c)
        ? '换行或制表符'
        : /[\p{Cc}\p{Cf}\p{Cs}]/u.test(c)
          ? '不可见的控制字符'
          : `“${c}”`

const unique = (items: string[]) => [...new Set(items)]

/**
 * What is wrong with a slug, if anything: an error when it would break the page's URL, a
 * warning when it works but is awkward to share or type (capitals, Chinese, other symbols).
 */
export function checkSlug(slug: string | undefined | null): SlugIssue | null {
  if (!slug) return null
  const breaking = unique(Array.from(slug.match(BREAKS_PATH) ?? [], describe))
  if (breaking.length) {
    return {
      level: 'error',
      message: `网址标识不能包含${breaking.join('、')}，否则网址会出错。请删除，或点“生成”重新填写。`,
    }
  }
  // Browsers resolve "." and ".." as path steps: /workers/../ is the home page.
  if (/^\.+$/.test(slug) && slug.length <= 2) {
    return { level: 'error', message: '网址标识不能只是“.”或“..”，否则网址会出错。请点“生成”重新填写。' }
  }
  const odd = unique(Array.from(slug.replace(/[a-z0-9-]/g, '')))
  if (odd.length) {
    const shown = odd.slice(0, 5).map((c) => `“${c}”`)
    return {
      level: 'warning',
      message: `网址标识含有${shown.join('')}${odd.length > 5 ? '等' : ''}字符。建议只用小写拼音字母、数字和连字符，便于分享和输入。`,
    }
  }
  return null
}

const customAt = (level: SlugIssue['level']) => (value: { current?: string } | undefined) => {
  const issue = checkSlug(value?.current)
  return issue?.level === level ? issue.message : true
}

/** Validation of hand-typed slug characters (see checkSlug); add alongside `required()`. */
export const slugCharacterRules = (rule: SlugRule) => [
  rule.custom(customAt('error')).error(),
  rule.custom(customAt('warning')).warning(),
]
