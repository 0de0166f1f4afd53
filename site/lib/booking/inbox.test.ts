import { appendFile, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendLine, parseInbox, readInbox } from './inbox'

const tmpFile = async () => path.join(await mkdtemp(path.join(tmpdir(), 'laomo-inbox-')), 'sub', 'inbox.ndjson')

describe('inbox', () => {
  it('appends whole lines and reads them back', async () => {
    const file = await tmpFile()
    await appendLine(file, { _id: 'a', _type: 'talkRequest', notes: '第一行\n第二行' })
    await appendLine(file, { _id: 'b', _type: 'talkRequest' })
    const text = await readFile(file, 'utf8')
    expect(text.split('\n')).toHaveLength(3)
    expect(text.endsWith('\n')).toBe(true)
    const { documents, skipped } = await readInbox(file)
    expect(documents.map((d) => d._id)).toEqual(['a', 'b'])
    expect(documents[0]).toMatchObject({ notes: '第一行\n第二行' })
    expect(skipped).toEqual([])
  })

  it('skips a torn last line and never glues the next record onto it', async () => {
    const file = await tmpFile()
    await appendLine(file, { _id: 'a', _type: 'talkRequest' })
    // A crash in the middle of a write leaves part of a line without its newline.
    await appendFile(file, '{"_id":"torn","_type":"talkRe')
    expect((await readInbox(file)).skipped).toEqual([{ line: 2, text: '{"_id":"torn","_type":"talkRe' }])
    await appendLine(file, { _id: 'c', _type: 'talkRequest' })
    const { documents, skipped } = await readInbox(file)
    expect(documents.map((d) => d._id)).toEqual(['a', 'c'])
    expect(skipped.map((s) => s.line)).toEqual([2])
  })

  it('reads a missing inbox as empty', async () => {
    expect(await readInbox(await tmpFile())).toEqual({ documents: [], skipped: [] })
  })

  it('skips lines that are JSON but not documents', () => {
    const { documents, skipped } = parseInbox('{"_id":"a","_type":"talkRequest"}\n[1,2]\n\n{"x":1}\n')
    expect(documents).toHaveLength(1)
    expect(skipped.map((s) => s.line)).toEqual([2, 4])
  })

  it('stores concurrent appends from one process as separate whole lines', async () => {
    const file = await tmpFile()
    await Promise.all(Array.from({ length: 50 }, (_, i) => appendLine(file, { _id: `r${i}`, _type: 'talkRequest' })))
    const { documents, skipped } = await readInbox(file)
    expect(documents).toHaveLength(50)
    expect(skipped).toEqual([])
  })
})
