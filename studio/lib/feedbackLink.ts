/**
 * "生成反馈链接": the Studio proves to the Node server that a signed-in editor asked, without holding the
 * signing secret (site/lib/feedback/links.ts): it writes a private grant with the editor's own session,
 * then asks the server, on the origin the embedded Studio is served from, to sign a link.
 */
import { FEEDBACK_LINK_ENDPOINT_PATH } from '#domain/paths'

/** The part of the Studio's client used here. */
export interface GrantWriter {
  createOrReplace(doc: { _id: string; _type: string; [field: string]: unknown }): Promise<unknown>
}

export type FeedbackLink = { url: string; expiresAt: string }

/** Why the action is off for this talk, or null when a link can be made. */
export function feedbackLinkBlockedReason(talk: { status?: string } | null, published: boolean): string | null {
  if (!talk || !published) return '请先发布这场报告会'
  if (talk.status !== 'held') return '报告会状态为“已举办”并发布后，才能生成反馈链接'
  return null
}

export async function requestFeedbackLink(
  client: GrantWriter,
  talkId: string,
  origin: string,
  fetchFn: typeof fetch = fetch,
  grant: string = crypto.randomUUID(),
): Promise<FeedbackLink> {
  await client.createOrReplace({
    _id: `feedbackLinkGrant.${talkId}`,
    _type: 'feedbackLinkGrant',
    talk: { _type: 'reference', _ref: talkId, _weak: true },
    grant,
    at: new Date().toISOString(),
  })
  const response = await fetchFn(new URL(FEEDBACK_LINK_ENDPOINT_PATH, origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ talkId, grant }),
  })
  const body = (await response.json().catch(() => ({}))) as Partial<FeedbackLink> & { message?: string }
  if (!response.ok || !body.url || !body.expiresAt)
    throw new Error(body.message ?? `网站服务器未能生成链接（HTTP ${response.status}）`)
  return { url: body.url, expiresAt: body.expiresAt }
}
