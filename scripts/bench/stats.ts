/** Summary statistics for repeated measurements: every figure is reported as median (min–max). */

export interface Summary {
  median: number
  min: number
  max: number
  runs: number
}

export function summarise(values: readonly number[]): Summary | null {
  const finite = values.filter((v) => Number.isFinite(v))
  if (finite.length === 0) return null
  const sorted = [...finite].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length }
}

/** "1.23 (1.10–1.40)" with the given unit formatter; a single run shows only its value. */
export function formatSummary(summary: Summary | null, format: (v: number) => string): string {
  if (!summary) return 'n/a'
  if (summary.runs === 1) return format(summary.median)
  return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
export const millis = (ms: number): string => `${Math.round(ms)} ms`
export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`
export const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`
export const ratio = (r: number): string => `${r.toFixed(2)}×`
export const score = (s: number): string => String(Math.round(s))
