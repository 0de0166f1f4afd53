/**
 * What a publish runs: a rebuild with the previous build's cache after one talk changed. The pages and
 * calendar feeds that show the talk are written again with the new title; those that do not are copied
 * from the previous build (Astro's incremental build, keyed by site/lib/site.ts cacheKey()), and Vite's
 * pre-bundled dependencies come from the same cache.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { describe, expect, it } from 'vitest'
import { PREFECTURES } from '#domain/region'

type Doc = Record<string, any> & { _id: string; _type: string }

// Fixed "now": which talks are upcoming, and so which feeds hold them, does not depend on the day the test runs.
const NOW = '2026-06-01T00:00:00Z'

function build(dataset: string, out: string, cache: string) {
  const run = spawnSync(
    process.execPath,
    [path.resolve('scripts/bench/astro-build.ts'), path.resolve('.'), out, cache],
    {
      env: { ...process.env, LAOMO_DATASET: dataset, LAOMO_EMBED_STUDIO: '0', LAOMO_NOW: NOW },
      encoding: 'utf8',
    },
  )
  const log = run.stdout + run.stderr
  expect(run.status, log).toBe(0)
  return log
}

/** The pathnames Astro copied from the previous build instead of rendering them (the log is coloured under CI). */
const reused = (log: string) =>
  new Set(
    [...stripVTControlCharacters(log).matchAll(/─ (\S+) \((?:restored|cached)\)/g)].map((m) =>
      m[1]!.replace(/index\.html$/, ''),
    ),
  )

describe('content-only rebuild', () => {
  it('re-renders what shows the edited talk and copies the rest', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'laomo-incremental-'))
    const docs: Doc[] = readFileSync('studio/seed/data.ndjson', 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const write = () =>
      writeFileSync(
        path.join(dir, 'data.ndjson'),
        docs
          .map((d) => JSON.stringify(d).replaceAll('file://./images/', `file://${path.resolve('studio/seed/images')}/`))
          .join('\n') + '\n',
      )
    const upcoming = docs.filter((d) => d._type === 'talk' && d.status === 'planned' && d.startsAt > NOW)
    const edited = upcoming[0]!
    const speaker = (t: Doc) => t.speakers[0]._ref as string
    // A talk elsewhere, by someone else: its pages must come from the cache.
    const refs = (t: Doc) => t.speakers.map((s: { _ref: string }) => s._ref) as string[]
    const other = upcoming.find(
      (t) => t.prefecture !== edited.prefecture && !refs(t).some((ref) => refs(edited).includes(ref)),
    )!
    expect(other, 'the sample has upcoming talks in two prefectures by two workers').toBeDefined()
    const slugOf = (workerId: string) => docs.find((d) => d._id === workerId)!.slug.current as string
    const prefectureSlug = (name: string) => PREFECTURES.find((p) => p.name === name)!.slug

    // Inside the project: the Node adapter's prerender step resolves packages from the output folder.
    const out = path.resolve('dist-incremental')
    const cache = path.join(dir, 'cache')
    rmSync(out, { recursive: true, force: true })
    try {
      write()
      build(dir, out, cache)
      // Vite's pre-bundled dependencies are kept with the rest of the cache the pipeline restores.
      expect(existsSync(path.join(cache, 'vite/deps/_metadata.json'))).toBe(true)
      const file = (rel: string) => readFileSync(path.join(out, 'client', rel), 'utf8')
      const before = file(`calendar/talks/${other._id}.ics`)

      edited.title = `${edited.title}（已更新）`
      write()
      const log = build(dir, out, cache)
      expect(log, 'a publish reuses the pre-bundled dependencies').not.toContain('Re-optimizing dependencies')
      const copied = reused(log)
      // Most pages are copies: a publish renders only what changed and the lists.
      expect(copied.size).toBeGreaterThan(250)

      const showsEdited = [
        `/talks/${edited._id}/`,
        `/calendar/talks/${edited._id}.ics`,
        `/calendar/workers/${slugOf(speaker(edited))}.ics`,
        `/calendar/prefectures/${prefectureSlug(edited.prefecture)}.ics`,
      ]
      for (const page of showsEdited) {
        expect(copied.has(page), `${page} was copied, not rendered`).toBe(false)
        expect(file(page.replace(/\/$/, '/index.html').slice(1)), page).toContain('（已更新）')
      }
      const untouched = [
        `/talks/${other._id}/`,
        `/calendar/talks/${other._id}.ics`,
        `/calendar/workers/${slugOf(speaker(other))}.ics`,
        `/calendar/prefectures/${prefectureSlug(other.prefecture)}.ics`,
      ]
      // Tours are keyed by their stops: the edited talk's tour is rendered again, another tour is copied.
      const tourPage = (id: string) => `/tours/${docs.find((d) => d._id === id)!.slug.current}/`
      if (edited.tour) expect(copied.has(tourPage(edited.tour._ref)), 'the edited talk’s tour').toBe(false)
      const otherTour = docs.find((d) => d._type === 'tour' && d._id !== edited.tour?._ref)!
      untouched.push(tourPage(otherTour._id))
      for (const page of untouched) expect(copied.has(page), `${page} was rendered again`).toBe(true)
      expect(file(`calendar/talks/${other._id}.ics`)).toBe(before)
    } finally {
      rmSync(out, { recursive: true, force: true })
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
