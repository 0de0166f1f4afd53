/**
 * The Studio's "生成反馈链接" (studio/actions/FeedbackLinkAction.tsx) asks here for a signed feedback link
 * to a held talk; site/lib/feedback/links.ts says how the editor is recognised without a secret in the
 * browser. JSON in, JSON out; never cached.
 */
import type { APIRoute } from 'astro'
import { createClient } from '@sanity/client'
import { API_VERSION } from '#domain/sanity'
import { FEEDBACK_LINK_GRANT_QUERY } from '../../lib/content/queries'
import { fallbackContext, type BookingLocals } from '../../lib/booking/runtime'
import { readCapped } from '../../lib/booking/handler'
import { grantId, makeFeedbackLink, type GrantRead } from '../../lib/feedback/links'
import { feedbackConfig } from '../../lib/feedback/runtime'

export const prerender = false

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  })

function grantReader(env: NodeJS.ProcessEnv): ((talkId: string) => Promise<GrantRead>) | undefined {
  const token = env.SANITY_WRITE_TOKEN || env.SANITY_READ_TOKEN
  if (!env.SANITY_PROJECT_ID || !token) return undefined
  const client = createClient({
    projectId: env.SANITY_PROJECT_ID,
    dataset: env.SANITY_DATASET || 'production',
    apiVersion: API_VERSION,
    token,
    useCdn: false,
    perspective: 'raw',
  })
  return (talkId) => client.fetch(FEEDBACK_LINK_GRANT_QUERY, { grantId: grantId(talkId), talkId })
}

export const POST: APIRoute = async ({ request, locals, clientAddress, url }) => {
  const { secret } = feedbackConfig()
  if (!secret) return json({ message: '服务器未设置 LAOMO_FEEDBACK_SECRET，在线反馈未开通。' }, 503)
  const context = (locals as BookingLocals).booking ?? fallbackContext(clientAddress)
  const wait = context.limits.attempts.take(context.clientAddress)
  if (wait > 0) return json({ message: '操作过于频繁，请稍后再试。' }, 429, { 'Retry-After': String(wait) })
  const text = await readCapped(request, 2048)
  let body: unknown
  try {
    body = text === null ? null : JSON.parse(text)
  } catch {
    body = null
  }
  const outcome = await makeFeedbackLink(body, {
    secret,
    readGrant: grantReader(process.env),
    siteUrl: process.env.LAOMO_SITE_URL?.trim() || context.ownOrigin || url.origin,
  })
  return outcome.ok
    ? json({ url: outcome.url, expiresAt: outcome.expiresAt }, 200)
    : json({ message: outcome.message }, outcome.status)
}

export const ALL: APIRoute = () => json({ message: '不支持此请求方法。' }, 405, { Allow: 'POST' })
