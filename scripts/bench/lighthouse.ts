/** Lighthouse 13 (mobile, its default) against a served page, with Debian's Chromium. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts'
import { REPO } from './builds.ts'
import { measure } from './proc.ts'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]
export interface LighthouseRun {
  scores: Record<Category, number>
  /** Titles of the weighted audits that did not pass, per category: what to fix. */
  failing: Record<Category, string[]>
}

const CLI = path.join(REPO, 'node_modules/lighthouse/cli/index.js')

export async function lighthouse(url: string): Promise<LighthouseRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'laomo-lh-'))
  try {
    const out = path.join(dir, 'report.json')
    const result = await measure(
      process.execPath,
      [
        CLI,
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH } },
    )
    if (result.code !== 0) throw new Error(`lighthouse failed (exit ${result.code}): ${result.tail.slice(-500)}`)
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>
      audits: Record<string, { title: string; score: number | null; displayValue?: string }>
      runtimeError?: { message: string }
    }
    if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`)
    const scores = {} as LighthouseRun['scores']
    const failing = {} as LighthouseRun['failing']
    for (const c of CATEGORIES) {
      const category = report.categories[c]
      scores[c] = Math.round((category?.score ?? Number.NaN) * 100)
      failing[c] = (category?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => report.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 0.9)
        .map((a) => (a!.displayValue ? `${a!.title} (${a!.displayValue})` : a!.title))
    }
    return { scores, failing }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
