/**
 * For tests: an in-memory stand-in for the Sanity API (no network in tests) that runs the store's own
 * GROQ with groq-js over what was stored plus any other documents given (talks, workers), and refuses
 * an existing id with 409 as Sanity does.
 */
import { evaluate, parse } from 'groq-js'
import type { REQUEST_STATUS_QUERY_RESULT } from '#domain/sanity.types'
import { REFERENCE_TAKEN_QUERY, REQUEST_STATUS_QUERY } from '../content/queries'
import type { TalkRequestDocument } from './document'
import type { SanityWriter } from './store'

type Doc = { _id: string; _type: string; [field: string]: unknown }

export function memoryWriter(others: readonly Doc[] = []): SanityWriter & { docs: Map<string, Doc> } {
  const docs = new Map<string, Doc>(others.map((d) => [d._id, d]))
  const run = async (query: string, params: Record<string, unknown>) =>
    (await evaluate(parse(query), { dataset: [...docs.values()], params })).get()
  return {
    docs,
    async create(doc) {
      if (docs.has(doc._id)) throw Object.assign(new Error('conflict'), { statusCode: 409 })
      docs.set(doc._id, doc as unknown as Doc)
    },
    async getDocument(id) {
      return docs.get(id) as TalkRequestDocument | undefined
    },
    async referenceTaken(reference, id) {
      return (await run(REFERENCE_TAKEN_QUERY, { reference, id })) as boolean
    },
    async findRequest(reference) {
      return (await run(REQUEST_STATUS_QUERY, { reference })) as REQUEST_STATUS_QUERY_RESULT
    },
  }
}
