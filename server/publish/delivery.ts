/**
 * What one webhook delivery says: which document changed and how. The Sanity webhook is configured with
 * the projection in README ("Publishing"), so the body names the document, its type, the operation and
 * its slug before and after; only `_id` and `_type` are required, so a delivery with Sanity's default
 * projection (the whole document) is understood too.
 */
import { z } from 'astro/zod'
import { documentPath } from '#domain/paths'

/** The projection to paste into the webhook's settings in sanity.io/manage. */
export const WEBHOOK_PROJECTION =
  '{_id, _type, "operation": delta::operation(), "slug": slug.current, "previousSlug": before().slug.current}'
/** The webhook's filter: published documents of the types the site shows. */
export const WEBHOOK_FILTER = '_type in ["modelWorker", "talk", "photo", "story", "tour", "siteSettings"]'

const deliverySchema = z.object({
  _id: z.string().min(1).max(200),
  _type: z.string().min(1).max(100),
  operation: z.enum(['create', 'update', 'delete']).optional(),
  slug: z.string().max(300).nullish(),
  previousSlug: z.string().max(300).nullish(),
})
export type Delivery = z.infer<typeof deliverySchema>
/** An accepted delivery and the key it came with (Sanity's idempotency-key). */
export interface Queued {
  key: string
  delivery: Delivery
}

/** The delivery in a request body, or a message for a person saying what is wrong with it. */
export function parseDelivery(body: string): { delivery: Delivery } | { error: string } {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return { error: '请求内容不是有效的 JSON。' }
  }
  const parsed = deliverySchema.safeParse(json)
  if (!parsed.success) return { error: '请求内容缺少文档的 _id 或 _type。' }
  return { delivery: parsed.data }
}

/**
 * The site paths (as written on disk: decoded) whose pages the deliveries removed: deleted documents'
 * pages and renamed documents' old pages.
 */
export function gonePaths(deliveries: Delivery[]): string[] {
  const gone: string[] = []
  for (const d of deliveries) {
    const at =
      d.operation === 'delete'
        ? documentPath({ ...d, slug: d.slug ?? d.previousSlug })
        : d.previousSlug && d.previousSlug !== d.slug
          ? documentPath({ ...d, slug: d.previousSlug })
          : null
    if (at) gone.push(decodeURIComponent(at))
  }
  return gone
}
