/**
 * Who may see drafts. An editor arrives with a secret, at /preview/enable, and gets a cookie that opens
 * the preview for this browser; without it every answer is 401 and nothing is rendered. The secret is either
 * the one Sanity's Presentation tool creates for each session (checked against the project with
 * `@sanity/preview-url-secret`, when a Sanity project and a read token are configured), or a configured
 * LAOMO_PREVIEW_SECRET (local dataset, tests).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import {
  urlSearchParamPreviewPathname,
  urlSearchParamPreviewSecret,
  validatePreviewUrl,
} from '@sanity/preview-url-secret'
import type { SanityClient } from '@sanity/client'

export const COOKIE = 'laomo_preview'

export interface Grant {
  ok: boolean
  /** Where to go once let in: a path on this site. */
  redirectTo: string
}

/** A path on this site only: anything else (another host, `//host`, a scheme) becomes "/". */
export function safeRedirect(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/'
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export interface PreviewAccess {
  /** Checks an /preview/enable URL. */
  enable(url: URL): Promise<Grant>
  /** The cookie value that opens the preview. */
  readonly token: string
  allowed(req: IncomingMessage): boolean
}

export function createAccess(options: { secret?: string; client?: SanityClient }): PreviewAccess {
  // With a configured secret the cookie survives a restart; with Sanity's per-session secrets it need not.
  const key = options.secret ? `laomo-preview:${options.secret}` : randomBytes(32).toString('hex')
  const token = createHmac('sha256', key).update('preview').digest('base64url')
  return {
    token,
    async enable(url) {
      const given = url.searchParams.get('secret') ?? url.searchParams.get(urlSearchParamPreviewSecret)
      const redirect = url.searchParams.get('redirect') ?? url.searchParams.get(urlSearchParamPreviewPathname)
      if (options.secret && given && same(given, options.secret))
        return { ok: true, redirectTo: safeRedirect(redirect) }
      if (options.client && url.searchParams.has(urlSearchParamPreviewSecret)) {
        const result = await validatePreviewUrl(options.client, url.href).catch(() => ({
          isValid: false,
          redirectTo: undefined,
        }))
        return { ok: result.isValid, redirectTo: safeRedirect(result.redirectTo) }
      }
      return { ok: false, redirectTo: '/' }
    },
    allowed(req) {
      const cookies = req.headers.cookie ?? ''
      for (const part of cookies.split(';')) {
        const [name, ...value] = part.trim().split('=')
        if (name === COOKIE && same(value.join('='), token)) return true
      }
      return false
    },
  }
}
