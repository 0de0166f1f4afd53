import { describe, expect, it } from 'vitest'
import { feedbackLinkBlockedReason, requestFeedbackLink } from './feedbackLink'

describe('生成反馈链接', () => {
  it('is offered only on a published, held talk', () => {
    expect(feedbackLinkBlockedReason(null, false)).toContain('发布')
    expect(feedbackLinkBlockedReason({ status: 'held' }, false)).toContain('发布')
    expect(feedbackLinkBlockedReason({ status: 'planned' }, true)).toContain('已举办')
    expect(feedbackLinkBlockedReason({ status: 'held' }, true)).toBeNull()
  })

  it('writes the grant first, then posts the same value to the server and returns its link', async () => {
    const calls: string[] = []
    const written: Record<string, unknown>[] = []
    const client = {
      createOrReplace: async (doc: Record<string, unknown>) => {
        calls.push('grant')
        written.push(doc)
      },
    }
    const fetchFn = (async (url: URL, init: RequestInit) => {
      calls.push(`post ${url.href}`)
      const body = JSON.parse(String(init.body))
      expect(body).toEqual({ talkId: 'talk-3', grant: written[0]!.grant })
      return new Response(
        JSON.stringify({ url: 'https://x.org/schools/feedback/?t=abc', expiresAt: '2027-01-01T00:00:00Z' }),
      )
    }) as unknown as typeof fetch
    const link = await requestFeedbackLink(client, 'talk-3', 'https://x.org', fetchFn)
    expect(calls).toEqual(['grant', 'post https://x.org/api/feedback-links'])
    expect(written[0]).toMatchObject({ _id: 'feedbackLinkGrant.talk-3', _type: 'feedbackLinkGrant' })
    expect(String(written[0]!.grant)).toMatch(/^[\w-]{36}$/)
    expect(link.url).toContain('/schools/feedback/')
  })

  it('passes the server’s Chinese message on when it refuses', async () => {
    const fetchFn = (async () =>
      new Response(JSON.stringify({ message: '只有已发布且状态为“已举办”的报告会才能生成反馈链接。' }), {
        status: 409,
      })) as unknown as typeof fetch
    await expect(
      requestFeedbackLink({ createOrReplace: async () => {} }, 't', 'https://x.org', fetchFn),
    ).rejects.toThrow('已举办')
  })
})
