/**
 * Where accepted requests go: a Sanity dataset when a project and a server-only write token are
 * configured, otherwise the local inbox file. Both are idempotent on the document id, so a
 * double submit stores one request and answers with the reference stored the first time.
 */
import { createClient, type SanityClient } from '@sanity/client'
import { API_VERSION } from '#domain/sanity'
import type { REQUEST_STATUS_QUERY_RESULT } from '#domain/sanity.types'
import { REFERENCE_TAKEN_QUERY, REQUEST_STATUS_QUERY } from '../content/queries'
import { buildDocument, documentId, referenceFor, type TalkRequestDocument } from './document'
import type { ValidRequest } from './form'
import { appendLine, DEFAULT_INBOX, readInbox } from './inbox'

export interface StoreResult {
  reference: string
  /** False when the same identity had already been stored (a repeated submit). */
  created: boolean
}

/** A stored request as its status page needs it (the phone only to compare its last four digits). */
export type StoredRequest = NonNullable<REQUEST_STATUS_QUERY_RESULT>

export interface RequestStore {
  kind: 'sanity' | 'inbox'
  save(request: ValidRequest, identity: string, receivedAt: Date): Promise<StoreResult>
  /** The request with this reference, if one is stored. */
  find(reference: string): Promise<StoredRequest | undefined>
}

/** The part of @sanity/client the store uses. */
export interface SanityWriter {
  create(doc: TalkRequestDocument): Promise<unknown>
  getDocument(id: string): Promise<{ reference?: string } | undefined>
  /** REFERENCE_TAKEN_QUERY: is `reference` already another request's? */
  referenceTaken(reference: string, id: string): Promise<boolean>
  /** REQUEST_STATUS_QUERY. */
  findRequest(reference: string): Promise<REQUEST_STATUS_QUERY_RESULT>
}

/** Draws past this many taken codes mean something else is wrong (a code space that is nearly full). */
const MAX_DRAWS = 20

/** The identity's reference, drawn again (salted) while another request holds it. */
async function freeReference(identity: string, receivedAt: Date, taken: (reference: string) => Promise<boolean>) {
  for (let salt = 0; salt < MAX_DRAWS; salt++) {
    const reference = referenceFor(identity, receivedAt, salt)
    if (!(await taken(reference))) return reference
  }
  throw new Error(`no free booking reference after ${MAX_DRAWS} draws`)
}

export function sanityStore(client: SanityWriter): RequestStore {
  return {
    kind: 'sanity',
    async save(request, identity, receivedAt) {
      // Checked, then created: two instances drawing the same free code for two requests in the same
      // moment is the one case left (about 1 in 810,000 per such pair).
      const id = documentId(identity)
      const reference = await freeReference(identity, receivedAt, (r) => client.referenceTaken(r, id))
      const doc = buildDocument(request, identity, receivedAt, reference)
      try {
        await client.create(doc)
        return { reference: doc.reference, created: true }
      } catch (error) {
        // 409: a document with this id exists — the same submission arrived before.
        if ((error as { statusCode?: number }).statusCode !== 409) throw error
        const existing = await client.getDocument(doc._id)
        return { reference: existing?.reference ?? doc.reference, created: false }
      }
    },
    async find(reference) {
      return (await client.findRequest(reference)) ?? undefined
    },
  }
}

export function inboxStore(file: string): RequestStore {
  let known: Map<string, string> | undefined
  const references = new Set<string>()
  // One append at a time in this process: the duplicate check and the write must not interleave.
  let queue: Promise<unknown> = Promise.resolve()

  async function load() {
    if (known) return known
    const { documents } = await readInbox<TalkRequestDocument>(file)
    known = new Map(documents.map((d) => [d._id, d.reference]))
    for (const d of documents) references.add(d.reference)
    return known
  }

  return {
    kind: 'inbox',
    save(request, identity, receivedAt) {
      const run = queue.then(async (): Promise<StoreResult> => {
        const stored = await load()
        const id = documentId(identity)
        const previous = stored.get(id)
        if (previous) return { reference: previous, created: false }
        const reference = await freeReference(identity, receivedAt, async (r) => references.has(r))
        const doc = buildDocument(request, identity, receivedAt, reference)
        await appendLine(file, doc)
        stored.set(id, reference)
        references.add(reference)
        return { reference, created: true }
      })
      queue = run.catch(() => undefined)
      return run
    },
    // The inbox file is written once per request and read by people: what it holds is 已收到. Editors
    // answer in the Studio once the file is imported (README), and the Sanity store shows that.
    async find(reference) {
      const { documents } = await readInbox<TalkRequestDocument>(file)
      const doc = documents.find((d) => d.reference === reference)
      return doc && { phone: doc.phone, status: doc.status, replyNote: null, talk: null }
    },
  }
}

export interface StoreEnv {
  SANITY_PROJECT_ID?: string
  SANITY_DATASET?: string
  SANITY_WRITE_TOKEN?: string
  LAOMO_INBOX?: string
}

/**
 * The Sanity client the server writes the inbox with (requests, feedback), when the environment names a
 * project and a server-only write token; else undefined, and the inbox is a file.
 */
export function writeClientFromEnv(env: StoreEnv): SanityClient | undefined {
  if (!env.SANITY_PROJECT_ID || !env.SANITY_WRITE_TOKEN) return undefined
  return createClient({
    projectId: env.SANITY_PROJECT_ID,
    dataset: env.SANITY_DATASET || 'production',
    apiVersion: API_VERSION,
    token: env.SANITY_WRITE_TOKEN,
    useCdn: false,
  })
}

/** Chosen from the server's environment at run time (never at build time: the token stays out of the bundle). */
export function storeFromEnv(env: StoreEnv): RequestStore {
  const client = writeClientFromEnv(env)
  if (client) {
    return sanityStore({
      create: (doc) => client.create(doc),
      getDocument: (id) => client.getDocument<{ _id: string; _type: string; reference?: string }>(id),
      referenceTaken: (reference, id) => client.fetch(REFERENCE_TAKEN_QUERY, { reference, id }),
      findRequest: (reference) => client.fetch(REQUEST_STATUS_QUERY, { reference }),
    })
  }
  return inboxStore(env.LAOMO_INBOX || DEFAULT_INBOX)
}
