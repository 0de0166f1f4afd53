/** Reading Astro's build log: how many outputs it rendered and how many it restored from its cache. */
import { describe, expect, it } from 'vitest'
import { outputCounts } from './build'

/** A log of static routes as Astro writes it to a pipe: colours, and concurrent starts sharing a line. */
function astroLog(rendered: string[], restored: string[]): string {
  const dim = (text: string) => `\x1b[2m${text}\x1b[22m`
  const lines = [' \x1b[42m\x1b[30m prerendering static routes \x1b[39m\x1b[49m']
  // Four renders start before the first one ends.
  const starts = rendered.slice(0, 4).map((file) => `12:00:01   \x1b[34m├─\x1b[39m ${dim(file)}`)
  lines.push(starts.join('') + ` ${dim('(+12ms)')} `)
  for (let i = 1; i < Math.min(4, rendered.length); i++) lines.push(` ${dim(`(+${i}.5s)`)} `)
  for (const file of rendered.slice(4)) lines.push(`12:00:02   \x1b[34m├─\x1b[39m ${dim(file)} ${dim('(+3ms)')} `)
  for (const file of restored) lines.push(`12:00:02   \x1b[32m├─\x1b[39m ${dim(file)} \x1b[32m(restored)\x1b[39m`)
  lines.push('12:00:03 ✓ Completed in 1.20s.', ' generating optimized images ')
  lines.push('12:00:03   ▶ /_astro/photo-1.webp (reused cache entry) (+4ms) (1/2)')
  return lines.join('\n')
}

describe('outputCounts', () => {
  it('counts rendered and restored outputs, whatever their number', () => {
    for (let run = 0; run < 5; run++) {
      const rendered = Array.from({ length: 4 + Math.floor(Math.random() * 30) }, (_, i) => `/r-${run}-${i}/index.html`)
      const restored = Array.from({ length: Math.floor(Math.random() * 300) }, (_, i) => `/talks/t-${i}/index.html`)
      expect(outputCounts(astroLog(rendered, restored))).toEqual({
        rendered: rendered.length,
        restored: restored.length,
      })
    }
  })

  it('finds nothing in a log without static routes', () => {
    expect(outputCounts('12:00:00 [build] Building static entrypoints...\n')).toEqual({ rendered: 0, restored: 0 })
  })
})
