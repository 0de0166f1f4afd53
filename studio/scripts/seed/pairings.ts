/**
 * Sample pairings (结对): fictional workers with schools where they gave talks, relative to the dataset's
 * "today" (the sample's last held talks): current ones, one ended, one the school has not agreed to show.
 * Built from the talks without drawing from the random stream, so the rest of the dataset is unchanged.
 */
import { FICTIONAL_WORKERS } from './data/workers.ts'
import { chinaDate, plusDays } from './dates.ts'
import { ref, refItem, type Json } from './portable-text.ts'
import type { Talk } from './talks.ts'
import { workerId } from './workers.ts'

const ACTIVITIES = [
  '劳模工作室进校园，每学期一次讲座，带学生到车间参观。（示例）',
  '共建劳动教育实践基地，指导学生劳动实践课。（示例）',
  '每学期一次讲座，并为毕业班开设职业规划分享会。（示例）',
  '工匠精神进课堂，指导学校技能兴趣小组。（示例）',
]

/** How each sample pairing stands: its period and whether the school agreed to show it on the site. */
const PLANS = [
  { until: undefined, shown: true },
  { until: undefined, shown: true },
  { until: '2025-07-10', shown: true },
  { until: undefined, shown: false },
]

export function buildPairings(talks: Talk[]): Json[] {
  // Schools where a fictional worker spoke at a held talk: the pairing grew out of that visit.
  const fictional = new Set(FICTIONAL_WORKERS.map((w) => w.slug))
  const seen = new Set<string>()
  const visits = talks.filter((t) => {
    const speaker = t.draft.speakers[0]
    const k = `${speaker?.slug}|${t.draft.venue.name}`
    const fresh = t.draft.venue.type === 'school' && t.draft.status === 'held' && speaker && fictional.has(speaker.slug)
    if (!fresh || seen.has(k) || [...seen].some((s) => s.startsWith(`${speaker.slug}|`))) return false
    seen.add(k)
    return true
  })
  return PLANS.map((plan, i) => {
    const visit = visits[i * 3]
    if (!visit) throw new Error('not enough held school talks for the sample pairings')
    const worker = visit.draft.speakers[0]!
    const v = visit.draft.venue
    const id = `pairing-${String(i + 1).padStart(2, '0')}`
    const there = talks.filter((t) => t.draft.venue.name === v.name && t.draft.speakers.includes(worker))
    const since = plusDays(chinaDate(visit.startsAt), 14)
    return {
      _id: id,
      _type: 'pairing',
      worker: ref(workerId(worker)),
      school: v.name,
      prefecture: v.prefecture,
      county: v.county,
      // An ended pairing started well before it ended.
      since: plan.until && since >= plan.until ? plusDays(plan.until, -700) : since,
      ...(plan.until ? { until: plan.until } : {}),
      activities: ACTIVITIES[i % ACTIVITIES.length],
      talks: there.map((t) => refItem(`${id}.talks`, t.id)),
      showOnSite: plan.shown,
    }
  })
}
