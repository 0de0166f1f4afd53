/**
 * The local inbox: one `talkRequest` document per line (NDJSON, `sanity dataset import` format).
 * A record is written with ONE `write` of the whole line to a file opened with O_APPEND, then
 * fsync'd before the caller is told it is stored. A crash can therefore only leave a torn LAST
 * line; readers skip it, and the next append first ends it with a newline so it never glues
 * onto (and corrupts) a later record.
 */
import { mkdir, open, readFile } from 'node:fs/promises'
import path from 'node:path'

export const DEFAULT_INBOX = 'data/inbox/talk-requests.ndjson'

export interface InboxRead<T> {
  documents: T[]
  /** Lines that are not a whole JSON document (a torn write), with their 1-based line number. */
  skipped: { line: number; text: string }[]
}

export async function appendLine(file: string, document: object): Promise<void> {
  const line = JSON.stringify(document)
  if (line.includes('\n')) throw new Error('a record must serialise to one line')
  await mkdir(path.dirname(file), { recursive: true })
  const handle = await open(file, 'a+')
  try {
    const { size } = await handle.stat()
    let prefix = ''
    if (size > 0) {
      const last = Buffer.alloc(1)
      await handle.read(last, 0, 1, size - 1)
      if (last[0] !== 0x0a) prefix = '\n'
    }
    await handle.write(`${prefix}${line}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export function parseInbox<T extends { _id: string; _type: string }>(text: string): InboxRead<T> {
  const documents: T[] = []
  const skipped: InboxRead<T>['skipped'] = []
  text.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return
    try {
      const doc = JSON.parse(raw) as T
      if (doc && typeof doc === 'object' && typeof doc._id === 'string' && typeof doc._type === 'string') {
        documents.push(doc)
        return
      }
    } catch {
      // fall through: a torn line
    }
    skipped.push({ line: i + 1, text: raw })
  })
  return { documents, skipped }
}

export async function readInbox<T extends { _id: string; _type: string }>(file: string): Promise<InboxRead<T>> {
  try {
    return parseInbox<T>(await readFile(file, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { documents: [], skipped: [] }
    throw error
  }
}
