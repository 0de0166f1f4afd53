/** The figures each run reports: statuses, latencies and percentiles of the answers it got. */
import type { Answer } from './targets.ts'

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
export const latency = (answers: Answer[]) => {
  const ms = answers.map((a) => a.ms)
  return `p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`
}
export const statuses = (answers: Answer[]) => {
  const counts = new Map<string, number>()
  for (const a of answers)
    counts.set(
      a.error ? 'no answer' : String(a.status),
      (counts.get(a.error ? 'no answer' : String(a.status)) ?? 0) + 1,
    )
  return [...counts]
    .sort()
    .map(([s, n]) => `${s}×${n}`)
    .join(' ')
}
