/** The model workers a school can ask for, and the topics they speak on. */
import { gradeBandsForTopics } from './grade-bands'

interface WorkerLike {
  _id: string
  name: string
  slug: string
  fictional?: boolean
  availableForSchools: boolean
  talkTopics: string[]
}

export function schoolWorkers<W extends WorkerLike>(workers: readonly W[]): W[] {
  return workers.filter((w) => w.availableForSchools).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

/** Every topic the school workers offer, most offered first (ties in Chinese order). */
export function schoolTopics(workers: readonly WorkerLike[]): string[] {
  const counts = new Map<string, number>()
  for (const w of workers) for (const t of w.talkTopics) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b, 'zh-CN'))
}

export const workerGradeBands = (w: WorkerLike) => gradeBandsForTopics(w.talkTopics)
