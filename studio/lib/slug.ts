import type { SlugIsUniqueValidator } from 'sanity'

/**
 * Slug uniqueness across published documents and drafts of the same type. The built-in check
 * throws when the API is out of reach (e.g. `sanity documents validate` offline); here an
 * unreachable API means "cannot tell", not an error, so offline validation still runs.
 */
export const isUniqueSlug: SlugIsUniqueValidator = async (slug, context) => {
  const { document, getClient } = context
  if (!document?._id || !slug) return true
  const id = document._id.replace(/^drafts\./, '')
  try {
    const taken = await getClient({ apiVersion: '2026-11-01' })
      // No retries: offline, a quick "cannot tell" beats a 30 s validation timeout.
      .withConfig({ maxRetries: 0, timeout: 5000 })
      .fetch<boolean>('defined(*[_type == $type && slug.current == $slug && !(_id in [$id, $draft])][0]._id)', {
        type: document._type,
        slug,
        id,
        draft: `drafts.${id}`,
      })
    return !taken
  } catch {
    return true
  }
}
