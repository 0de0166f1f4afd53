/** Checks and figures: what the run prints as it goes and sums up at the end. */
import type { Answer, Target } from './targets.ts'

export const failures: string[] = []
export function check(ok: boolean, message: string) {
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${message}`)
  if (!ok) failures.push(message)
}

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
export const figures: string[] = []
export function figure(target: Target, line: string) {
  figures.push(`${target.name.padEnd(6)} ${line}`)
  console.log(`    ${line}`)
}
