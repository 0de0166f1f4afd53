/**
 * Deterministic stand-ins for what the Studio and the Content Lake generate at random: document ids
 * (UUID v4 format, as the Studio creates them), array `_key`s, `_rev`s. Each is a hash of a name, so two runs
 * write the same bytes and no id depends on the order documents are made in.
 */
import { createHash } from 'node:crypto'

export type Doc = { _id: string; _type: string; [field: string]: unknown }

export const sha1 = (data: string | Buffer): string => createHash('sha1').update(data).digest('hex')

/** A UUID v4-shaped id, e.g. `1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed`. */
export function uuid(name: string): string {
  const h = sha1(`uuid|${name}`)
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** Array item key: 12 hex characters, as the Studio's are short random strings. */
export const key = (...parts: (string | number)[]): string => sha1(`key|${parts.join('|')}`).slice(0, 12)

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A `_rev` like the Content Lake's: 22 base-62 characters. */
export function rev(name: string): string {
  const bytes = createHash('sha256').update(`rev|${name}`).digest()
  return Array.from(bytes.subarray(0, 22), (b) => BASE62[b % 62]).join('')
}

/** Ids of the three perspectives a document can live in. */
export const draftId = (id: string) => `drafts.${id}`
export const versionId = (release: string, id: string) => `versions.${release}.${id}`
export const isPublishedId = (id: string) =>
  !id.startsWith('drafts.') && !id.startsWith('versions.') && !id.startsWith('_.')

/** `{ _type: 'reference', _ref }`, optionally weak, as the Studio writes a reference field or array item. */
export function ref(id: string, options: { key?: string; weak?: boolean } = {}): Record<string, unknown> {
  return {
    ...(options.key ? { _key: options.key } : {}),
    _ref: id,
    _type: 'reference',
    ...(options.weak ? { _weak: true } : {}),
  }
}
