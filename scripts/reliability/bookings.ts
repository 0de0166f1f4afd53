/** Bookings as the form sends them, sent many at a time, and the inbox as it stored them. */
import { readInbox } from '../../site/lib/booking/inbox.ts'

export interface Doc {
  _id: string
  _type: string
  reference: string
  school: string
  [field: string]: unknown
}

/** A China date `offsetDays` from today: valid preferred dates are a few weeks ahead. */
export const china = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10)

export function form(i: number, key: string, extra: Record<string, string> = {}) {
  return new URLSearchParams({
    idempotencyKey: key,
    school: `可靠性测试学校 ${i}`,
    contactName: '测试老师',
    phone: `139${String(10_000_000 + i).slice(-8)}`,
    date1Start: china(21),
    date1End: china(28),
    gradeBand: 'senior',
    audienceSize: '200',
    prefecture: '兰州市',
    address: `测试路 ${i} 号`,
    consent: 'yes',
    ...extra,
  })
}
export const keyOf = (prefix: string, i: number) => `${prefix}-${String(i).padStart(12, '0')}`

/** Runs `jobs` with at most `limit` in flight. */
export async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length)
  let next = 0
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++
      results[i] = await jobs[i]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker))
  return results
}

export async function inboxState(file: string) {
  const { documents, skipped } = await readInbox<Doc>(file)
  const byRef = new Map<string, number>()
  for (const d of documents) byRef.set(d.reference, (byRef.get(d.reference) ?? 0) + 1)
  const duplicates =
    [...byRef.values()].filter((n) => n > 1).length + documents.length - new Set(documents.map((d) => d._id)).size
  return { documents, skipped, byRef, duplicates }
}
