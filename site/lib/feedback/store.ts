/**
 * Where feedback goes: the same inbox as talk requests (the Sanity dataset with the server's write token, or
 * the inbox file), as `talkFeedback` documents (studio/schemaTypes/documents/talkFeedback.ts). The id comes
 * from the token, so one link leaves one feedback however often, or wherever, it is submitted.
 */
import { appendLine, DEFAULT_INBOX, readInbox } from '../booking/inbox'
import { writeClientFromEnv, type StoreEnv } from '../booking/store'
import type { ValidFeedback } from './form'

export interface TalkFeedbackDocument extends Omit<ValidFeedback, 'comment'> {
  _id: string
  _type: 'talkFeedback'
  /** Weak: feedback never stops editors deleting a talk; the build warns about feedback left without one. */
  talk: { _type: 'reference'; _ref: string; _weak: true }
  comment?: string
  /** Editors decide what the site counts and shows. */
  approved: false
  receivedAt: string
  /** When the link was made (from the token), for editors judging late answers. */
  linkIssuedAt: string
}

export function buildFeedbackDocument(
  id: string,
  talkId: string,
  feedback: ValidFeedback,
  issuedAt: Date,
  receivedAt: Date,
): TalkFeedbackDocument {
  return {
    _id: id,
    _type: 'talkFeedback',
    talk: { _type: 'reference', _ref: talkId, _weak: true },
    ...feedback,
    approved: false,
    receivedAt: receivedAt.toISOString(),
    linkIssuedAt: issuedAt.toISOString(),
  }
}

export interface FeedbackStore {
  kind: 'sanity' | 'inbox'
  /** Has this token's feedback been stored already? */
  has(id: string): Promise<boolean>
  /** False when a document with the id was already there (a replay): nothing is written then. */
  save(doc: TalkFeedbackDocument): Promise<{ created: boolean }>
}

/** The part of @sanity/client the store uses (tests: memory-writer.ts). */
export interface FeedbackWriter {
  create(doc: TalkFeedbackDocument): Promise<unknown>
  getDocument(id: string): Promise<{ _id: string } | undefined>
}

export function sanityFeedbackStore(client: FeedbackWriter): FeedbackStore {
  return {
    kind: 'sanity',
    async has(id) {
      return Boolean(await client.getDocument(id))
    },
    async save(doc) {
      try {
        await client.create(doc)
        return { created: true }
      } catch (error) {
        // 409: this token's feedback exists — created by another tab, request or server instance.
        if ((error as { statusCode?: number }).statusCode === 409) return { created: false }
        throw error
      }
    },
  }
}

export function inboxFeedbackStore(file: string): FeedbackStore {
  // The promise is kept, not its result: callers arriving together must share one set of ids.
  let known: Promise<Set<string>> | undefined
  // One append at a time in this process: the duplicate check and the write must not interleave.
  let queue: Promise<unknown> = Promise.resolve()
  const load = () => {
    known ??= readInbox(file).then(({ documents }) => new Set(documents.map((d) => d._id)))
    known.catch(() => (known = undefined))
    return known
  }
  return {
    kind: 'inbox',
    async has(id) {
      return (await load()).has(id)
    },
    save(doc) {
      const run = queue.then(async () => {
        const ids = await load()
        if (ids.has(doc._id)) return { created: false }
        await appendLine(file, doc)
        ids.add(doc._id)
        return { created: true }
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}

/** As the request store: chosen from the server's environment when the first feedback arrives. */
export function feedbackStoreFromEnv(env: StoreEnv): FeedbackStore {
  const client = writeClientFromEnv(env)
  if (client) {
    return sanityFeedbackStore({
      create: (doc) => client.create(doc),
      getDocument: (id) => client.getDocument<{ _id: string; _type: string }>(id),
    })
  }
  return inboxFeedbackStore(env.LAOMO_INBOX || DEFAULT_INBOX)
}
