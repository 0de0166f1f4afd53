/**
 * Checks the local booking inbox and writes an importable copy without any torn line:
 *   node scripts/inbox.ts [inbox] [--out clean.ndjson]
 * (inbox defaults to $LAOMO_INBOX or data/inbox/talk-requests.ndjson). Then:
 *   npx sanity dataset import clean.ndjson production --missing
 */
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { DEFAULT_INBOX, readInbox } from '../site/lib/booking/inbox.ts'

const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true })
const file = positionals[0] || process.env.LAOMO_INBOX || DEFAULT_INBOX
const { documents, skipped } = await readInbox(file)
console.error(`${file}: ${documents.length} request(s)`)
for (const s of skipped)
  console.error(
    `  line ${s.line} skipped (not a whole document, e.g. a write cut off by a crash): ${s.text.slice(0, 80)}`,
  )
if (values.out) {
  await writeFile(values.out, documents.map((d) => JSON.stringify(d) + '\n').join(''))
  console.error(`wrote ${documents.length} document(s) to ${values.out}`)
}
