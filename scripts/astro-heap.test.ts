import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ASTRO_NODE_FLAGS } from './astro-heap.ts'

describe('the Astro build heap cap', () => {
  it('is what `npm run build` starts Astro with, as the publish service and the benchmark do', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>
    }
    const astro = scripts.build!.split('&&')[0]!.trim()
    expect(astro).toBe(['node', ...ASTRO_NODE_FLAGS, 'node_modules/astro/bin/astro.mjs', 'build'].join(' '))
  })
})
