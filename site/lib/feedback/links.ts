/**
 * "反馈链接" in the Studio, made safely: the Studio cannot hold the signing secret (it runs in the editor's
 * browser), so the Node server signs. To prove an editor asked, the Studio first writes a private grant
 * document (`feedbackLinkGrant.<talk id>`: a random value and the time) with the editor's own Sanity
 * session, then posts the talk id and that value here; the server reads the grant with its own token and
 * signs only when the values match, the grant is fresh and the published talk has been held.
 */
import { timingSafeEqual } from 'node:crypto'
import { absoluteUrl, feedbackPath } from '#domain/paths'
import { FEEDBACK_TOKEN_DAYS, signFeedbackToken } from './token'

/** The Studio posts right after writing the grant; a grant older than this is not a click just made. */
export const GRANT_MAX_AGE_MS = 10 * 60_000

export const grantId = (talkId: string) => `feedbackLinkGrant.${talkId}`

export interface GrantRead {
  grant: { grant?: unknown; at?: unknown } | null
  talkStatus: unknown
}

export interface LinkDeps {
  secret: string
  /** FEEDBACK_LINK_GRANT_QUERY with the server's token; undefined when the server has no Sanity project. */
  readGrant?: (talkId: string) => Promise<GrantRead>
  siteUrl: string
  now?: Date
}

export type LinkOutcome =
  | { ok: true; status: 200; url: string; expiresAt: string }
  | { ok: false; status: 400 | 403 | 409 | 503; message: string }

const ID = /^[A-Za-z0-9_-]{1,128}$/
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export async function makeFeedbackLink(body: unknown, deps: LinkDeps): Promise<LinkOutcome> {
  const { talkId, grant } = (body ?? {}) as { talkId?: unknown; grant?: unknown }
  if (typeof talkId !== 'string' || !ID.test(talkId) || typeof grant !== 'string' || !/^[\w-]{16,100}$/.test(grant))
    return { ok: false, status: 400, message: '请求格式不正确：请在 Studio 中报告会的“生成反馈链接”按钮处操作。' }
  if (!deps.readGrant)
    return { ok: false, status: 503, message: '服务器未连接 Sanity 项目，无法核实编辑身份，不能生成反馈链接。' }
  const now = deps.now ?? new Date()
  let read: GrantRead
  try {
    read = await deps.readGrant(talkId)
  } catch (error) {
    console.error('feedback link: grant could not be read:', error)
    return { ok: false, status: 503, message: '暂时无法读取 Sanity，请稍后再试。' }
  }
  const at = typeof read.grant?.at === 'string' ? Date.parse(read.grant.at) : NaN
  const stored = typeof read.grant?.grant === 'string' ? read.grant.grant : ''
  if (!same(stored, grant) || !(now.getTime() - at < GRANT_MAX_AGE_MS) || at > now.getTime() + 60_000)
    return {
      ok: false,
      status: 403,
      message: '无法核实这次操作来自已登录的编辑，请在 Studio 中重新点击“生成反馈链接”。',
    }
  if (read.talkStatus !== 'held')
    return { ok: false, status: 409, message: '只有已发布且状态为“已举办”的报告会才能生成反馈链接。' }
  const token = signFeedbackToken(deps.secret, talkId, now)
  return {
    ok: true,
    status: 200,
    url: absoluteUrl(feedbackPath(token), deps.siteUrl),
    expiresAt: new Date(now.getTime() + FEEDBACK_TOKEN_DAYS * 86_400_000).toISOString(),
  }
}
