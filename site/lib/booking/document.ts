/**
 * Turns a validated booking into the `talkRequest` document editors see in the Studio
 * (studio/schemaTypes/documents/talkRequest.ts), with an id and a reference number derived from
 * the idempotency identity, so a double submit maps to the same document and the same number.
 */
import { createHash } from 'node:crypto'
import { chinaDate } from '../format'
import type { ValidRequest } from './form'

export interface TalkRequestDocument {
  _id: string
  _type: 'talkRequest'
  status: 'new'
  reference: string
  receivedAt: string
  school: string
  contactName: string
  phone: string
  email?: string
  preferredWorkers: { _type: 'reference'; _ref: string; _key: string }[]
  anyWorker: boolean
  /** Weak: a topic the editors delete later must not make the request unsaveable. */
  lectureTopic?: { _type: 'reference'; _ref: string; _weak: true }
  topic?: string
  preferredDates: { _type: 'dateRange'; _key: string; start: string; end: string }[]
  gradeBand: string
  audienceSize: number
  prefecture: string
  address: string
  notes?: string
  consent: true
}

/** Crockford-style alphabet: no 0/O, 1/I/L, U, so a number read out on the phone is unambiguous. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
const KEY_PATTERN = /^[A-Za-z0-9-]{16,64}$/

const sha256 = (text: string) => createHash('sha256').update(text).digest()

/**
 * The identity a submission is deduplicated by: the form's idempotency key when it has a
 * well-formed one (generated per form render), otherwise the content itself, so even a form
 * without a key (e.g. a static page without JavaScript) stores one request per double submit.
 */
export function requestIdentity(key: string | null | undefined, request: ValidRequest): string {
  if (key && KEY_PATTERN.test(key)) return `key:${key}`
  return `content:${JSON.stringify(request)}`
}

export function documentId(identity: string): string {
  return `talkRequest-${sha256(identity).toString('hex').slice(0, 24)}`
}

/** `LM-20261124-7KQ3`: the China date it arrived and four characters from the identity's hash. */
export function referenceFor(identity: string, receivedAt: Date, salt = 0): string {
  const hash = sha256(`${salt}:${identity}`)
  let code = ''
  for (let i = 0; i < 4; i++) code += ALPHABET[hash[i]! % ALPHABET.length]
  return `LM-${chinaDate(receivedAt).replace(/-/g, '')}-${code}`
}

const keyOf = (id: string, i: number, extra: string) => sha256(`${id}:${i}:${extra}`).toString('hex').slice(0, 12)

export function buildDocument(
  request: ValidRequest,
  identity: string,
  receivedAt: Date,
  reference = referenceFor(identity, receivedAt),
): TalkRequestDocument {
  const _id = documentId(identity)
  const doc: TalkRequestDocument = {
    _id,
    _type: 'talkRequest',
    status: 'new',
    reference,
    receivedAt: receivedAt.toISOString(),
    school: request.school,
    contactName: request.contactName,
    phone: request.phone,
    email: request.email,
    preferredWorkers: request.workers.map((ref, i) => ({ _type: 'reference', _ref: ref, _key: keyOf(_id, i, ref) })),
    anyWorker: request.anyWorker ?? request.workers.length === 0,
    lectureTopic: request.lectureTopic ? { _type: 'reference', _ref: request.lectureTopic, _weak: true } : undefined,
    topic: request.topic,
    preferredDates: request.preferredDates.map((range, i) => ({
      _type: 'dateRange',
      _key: keyOf(_id, i, range.start),
      ...range,
    })),
    gradeBand: request.gradeBand,
    audienceSize: request.audienceSize,
    prefecture: request.prefecture,
    address: request.address,
    notes: request.notes,
    consent: true,
  }
  // Optional fields left empty are omitted rather than stored as null.
  return JSON.parse(JSON.stringify(doc)) as TalkRequestDocument
}
