/**
 * Where an Astro build's time goes, read from its own info-level log: content sync and types,
 * Vite bundling, page rendering, image optimisation, and Astro's total.
 */

export type Phase = 'startup' | 'sync' | 'collect' | 'bundle' | 'render' | 'images' | 'search' | 'total'
/**
 * startup = wall time minus Astro's own total: Node, config and integrations loading; search = the
 * Pagefind index, a step of its own after Astro exits. Both are set by the caller.
 */
export const PHASES: Phase[] = ['startup', 'sync', 'bundle', 'render', 'images', 'search', 'total']
export type Phases = Partial<Record<Phase, number>>

const ANSI = /\x1b\[[0-9;]*m/g

/** "198ms", "2.25s", "1m 5s" → milliseconds. */
export function parseDuration(text: string): number | null {
  const m = /^(?:(\d+)m\s*)?(\d+(?:\.\d+)?)(ms|s)$/.exec(text.trim())
  if (!m) return null
  const minutes = m[1] ? Number(m[1]) * 60_000 : 0
  return minutes + Number(m[2]) * (m[3] === 'ms' ? 1 : 1000)
}

const HEADINGS: [RegExp, Phase][] = [
  [/Collecting build info/, 'collect'],
  // "prerendering" once an adapter is set (the site's booking endpoint), "generating" without one.
  [/(?:generating|prerendering) static routes/, 'render'],
  [/generating optimized images/, 'images'],
]

export function parsePhases(log: string): Phases {
  const phases: Phases = {}
  const add = (phase: Phase, ms: number | null) => {
    if (ms !== null) phases[phase] = (phases[phase] ?? 0) + ms
  }
  let heading: Phase | null = null
  for (const raw of log.split('\n')) {
    const line = raw.replace(ANSI, '')
    const found = HEADINGS.find(([re]) => re.test(line))
    if (found) heading = found[1]
    let m: RegExpExecArray | null
    if ((m = /\[types\] Generated (.+?)\s*$/.exec(line))) add('sync', parseDuration(m[1]!))
    else if ((m = /\[vite\] ✓ built in (.+?)\s*$/.exec(line))) add('bundle', parseDuration(m[1]!))
    else if ((m = /(?:page\(s\)|Server) built in (.+?)\s*$/.exec(line))) add('total', parseDuration(m[1]!))
    else if ((m = /✓ Completed in (.+?)\.?\s*$/.exec(line)) && heading) {
      add(heading, parseDuration(m[1]!))
      heading = null
    }
  }
  return phases
}
