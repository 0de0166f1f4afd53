/**
 * What the built site must count of the dataset's school feedback, worked out from the documents
 * independently of the site's code: approved feedback whose talk is published, once per speaker's profile,
 * once per stage on /stats/. Feedback awaiting review counts nowhere.
 */
import type { Doc } from '../../../scripts/content-fixtures/ids.ts'
import type { Site } from './site.ts'
import { refOf, refsOf, slugOf, workerPath } from './urls.ts'

const attr = (html: string, name: string) => html.match(new RegExp(`${name}="([^"]*)"`))?.[1]

export function feedbackProblems(site: Site, docs: readonly Doc[]): string[] {
  const byId = new Map(docs.map((d) => [d._id, d]))
  const counted = docs.filter(
    (d) =>
      d._type === 'talkFeedback' &&
      d.approved === true &&
      byId.get(refOf(d.talk) ?? '')?._type === 'talk' &&
      Number.isInteger(d.rating) &&
      (d.rating as number) >= 1 &&
      (d.rating as number) <= 5,
  )
  const problems: string[] = []
  for (const worker of docs.filter((d) => d._type === 'modelWorker' && d.slug)) {
    const mine = counted.filter((f) => refsOf(byId.get(refOf(f.talk)!)!.speakers).includes(worker._id))
    const html = site.read(workerPath(slugOf(worker)))
    if (!html) continue
    const responses = attr(html, 'data-feedback-responses')
    const students = attr(html, 'data-feedback-students')
    const want = mine.reduce((t, f) => t + ((f.students as number | undefined) ?? 0), 0)
    if (mine.length === 0 && responses !== undefined)
      problems.push(`${worker._id}: feedback shown without any approved`)
    if (mine.length > 0 && responses !== String(mine.length))
      problems.push(`${worker._id}: ${responses ?? 'no'} responses shown, ${mine.length} approved`)
    if (mine.length > 0 && students !== String(want)) problems.push(`${worker._id}: ${students} students, want ${want}`)
    for (const f of mine)
      if (typeof f.quote === 'string' && !html.includes(f.quote))
        problems.push(`${worker._id}: quote of ${f._id} missing`)
  }
  const stats = site.read('/stats/')
  const total = attr(stats, 'data-feedback-total')
  if (counted.length === 0 && !stats.includes('data-feedback-none')) problems.push('/stats/: no "none yet" note')
  if (counted.length > 0 && total !== String(counted.length))
    problems.push(`/stats/: ${total ?? 'no'} responses shown, ${counted.length} approved`)
  for (const band of ['primary', 'junior', 'senior', 'vocational', 'university']) {
    if (counted.length === 0) break
    const inBand = counted.filter((f) => (f.gradeBands as string[] | undefined)?.includes(band))
    const row = stats.match(new RegExp(`data-band="${band}" data-responses="(\\d+)" data-students="(\\d+)"`))
    const want = inBand.reduce((t, f) => t + ((f.students as number | undefined) ?? 0), 0)
    if (row?.[1] !== String(inBand.length) || row?.[2] !== String(want))
      problems.push(`/stats/ ${band}: ${row?.slice(1).join('/') ?? 'no row'}, want ${inBand.length}/${want}`)
  }
  return problems
}
