/**
 * Content shaped the way real editors leave it, generated from the Studio schema
 * (scripts/content-fixtures/): "minimal" (only what the Studio requires) and "maximal" (every field, every
 * stored shape, plus drafts, release versions and an unknown type), in import and export layout.
 *
 * 1. The Studio accepts it: `sanity documents validate` finds no error in any published document.
 * 2. The site shows all of it: whole builds from each dataset, checked document by document — page, lists,
 *    map data, calendars, search index, sitemap and feeds, links percent-encoded — and nothing unpublished,
 *    private or unknown anywhere; the build log warns only where the Studio itself warns or refuses.
 * 3. Content the Studio would refuse (one document per public type) is named in the log, gets no page, and
 *    takes nothing else with it.
 * 4. A published reference still waiting for its target's first publish (which the Studio refuses to publish,
 *    but the API can write) is named in the log and the unpublished worker shown nowhere.
 *
 * LAOMO_KEEP_GEN=1 keeps each build's dist-gen-* and cache folders for a look.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateFixtures } from '../../scripts/content-fixtures/generate.ts'
import { isPublishedId, type Doc } from '../../scripts/content-fixtures/ids.ts'
import { MAXIMAL_IDS, TIMED_TALK } from '../../scripts/content-fixtures/maximal.ts'
import { NOW, type Dataset, type HiddenText } from '../../scripts/content-fixtures/model.ts'
import type { RefusedDoc } from '../../scripts/content-fixtures/refused.ts'
import { PUBLIC_TYPES } from '../../scripts/content-fixtures/schema.ts'
import { buildSite, warningsOf, type Built } from './generated/build.ts'
import { Expectations } from './generated/expectations.ts'
import { brokenLinks, homeCountProblems, mapLinkProblems, nowhere } from './generated/site-checks.ts'
import { feedbackProblems } from './generated/feedback.ts'
import { talkPath } from './generated/urls.ts'
import { errorsOf, flaggedFields, validateImportLayout, type Verdict } from './generated/studio.ts'

const root = mkdtempSync(path.join(tmpdir(), 'laomo-generated-'))
const fixtures = await generateFixtures(root)
afterAll(() => rmSync(root, { recursive: true, force: true }))

// The Studio's verdicts, started at once (they take ~30 s each) and shared by every check below.
// minimal-refused holds every minimal document too, so one run answers for both.
const verdicts = {
  minimal: validateImportLayout(fixtures.refused.importDir),
  maximal: validateImportLayout(fixtures.maximal.importDir),
}

const refusedIds = new Set(fixtures.refused.docs.map((r) => r.doc._id))
const SHOWN_TYPES: readonly string[] = [...PUBLIC_TYPES, 'lectureTopic', 'pairing', 'siteSettings']
const PRIVATE_TYPES: readonly string[] = ['talkRequest', 'talkFeedback']
/** What the site must show: published documents of its types that the Studio lets an editor publish. */
const shown = (dataset: Dataset): Doc[] =>
  dataset.documents.filter((d) => isPublishedId(d._id) && SHOWN_TYPES.includes(d._type) && !refusedIds.has(d._id))

const label = (d: Doc) => `${d._type} ${String(d.name ?? d.title ?? d.caption ?? d.school ?? d._id)}`
const tail = (log: string) => log.split('\n').slice(-40).join('\n')

describe('the Studio accepts the generated content', () => {
  it('minimal: no error in any published document', async () => {
    const verdict = await verdicts.minimal
    const errors = errorsOf(verdict).filter((e) => !refusedIds.has(e.split(' ')[0]!))
    expect(errors, verdict.stderr).toEqual([])
    // The Studio also validates the private documents the site never shows: the talk request and the feedback.
    const unshown = fixtures.minimal.dataset.documents.filter((d) => PRIVATE_TYPES.includes(d._type))
    expect(unshown.map((d) => d._type).sort()).toEqual(['talkFeedback', 'talkRequest'])
    expect(verdict.count).toBe(shown(fixtures.minimal.dataset).length + unshown.length + refusedIds.size)
  })

  it('maximal: no error in any published document', async () => {
    const verdict = await verdicts.maximal
    expect(errorsOf(verdict), verdict.stderr).toEqual([])
    expect(verdict.status, verdict.stderr).toBe(0)
  })

  it('refuses each "refused" document, on the field it lacks', async () => {
    const verdict = await verdicts.minimal
    for (const r of fixtures.refused.docs) {
      const errors = (verdict.markers.get(r.doc._id) ?? []).filter((m) => m.level === 'error')
      expect(
        errors.map((m) => String(m.path[0])),
        `${r.doc._type} ${r.doc._id}`,
      ).toContain(r.missing)
    }
  })
})

interface BuildCase {
  name: string
  key: string
  dataset: string
  content: Dataset
  hidden: HiddenText[]
  verdict: Promise<Verdict>
  refused?: RefusedDoc[]
  /** Warnings the build must give although the Studio has no marker for them (content it would refuse). */
  named?: { id: string; field: string; why: string }[]
}

const cases: BuildCase[] = [
  {
    name: 'minimal (import folder)',
    key: 'min',
    dataset: fixtures.minimal.importDir,
    content: fixtures.minimal.dataset,
    hidden: fixtures.minimal.dataset.hidden,
    verdict: verdicts.minimal,
  },
  {
    name: 'maximal (import folder)',
    key: 'max',
    dataset: fixtures.maximal.importDir,
    content: fixtures.maximal.dataset,
    hidden: fixtures.maximal.dataset.hidden,
    verdict: verdicts.maximal,
  },
  {
    name: 'maximal (export .tar.gz)',
    key: 'maxexp',
    dataset: fixtures.maximal.exportFile,
    content: fixtures.maximal.dataset,
    hidden: fixtures.maximal.dataset.hidden,
    verdict: verdicts.maximal,
  },
  {
    name: 'minimal (export .tar.gz)',
    key: 'minexp',
    dataset: fixtures.minimal.exportFile,
    content: fixtures.minimal.dataset,
    hidden: fixtures.minimal.dataset.hidden,
    verdict: verdicts.minimal,
  },
  {
    name: 'minimal plus documents the Studio would refuse',
    key: 'refused',
    dataset: fixtures.refused.importDir,
    content: fixtures.refused.dataset,
    hidden: fixtures.minimal.dataset.hidden,
    verdict: verdicts.minimal,
    refused: fixtures.refused.docs,
  },
  {
    name: 'maximal with a published reference still waiting for its worker',
    key: 'pending',
    dataset: fixtures.pending.importDir,
    content: fixtures.pending.dataset,
    hidden: fixtures.maximal.dataset.hidden,
    verdict: verdicts.maximal,
    named: [
      {
        id: MAXIMAL_IDS.plannedSchool,
        field: 'speakers',
        why: 'a speaker saved with _strengthenOnPublish whose worker exists only as a draft',
      },
    ],
  },
]

for (const c of cases) {
  describe(`site built from ${c.name}`, () => {
    let built: Built
    let ex: Expectations
    const docs = shown(c.content)

    beforeAll(async () => {
      built = await buildSite(c.dataset, c.key)
      ex = new Expectations(built.site, docs, new Date(NOW))
    }, 240_000)
    afterAll(() => built?.remove())

    it('builds (astro build, then the search index)', () => {
      expect(built.status, tail(built.log)).toBe(0)
    })

    for (const doc of docs) {
      it(`shows ${label(doc)} everywhere it belongs`, () => {
        const check = {
          modelWorker: () => ex.worker(doc),
          talk: () => ex.talk(doc),
          photo: () => ex.photo(doc),
          tour: () => ex.tour(doc),
          story: () => ex.story(doc),
          lectureTopic: () => ex.lectureTopic(doc),
          pairing: () => ex.pairing(doc),
          siteSettings: () => ex.settings(doc),
        }[doc._type]!
        expect(check()).toEqual([])
      })
    }

    it('map island links (list items, popups) reach the pages, percent-encoded', async () => {
      expect(await mapLinkProblems(built.site)).toEqual([])
    })

    it('every internal link and image of every page is in the output', () => {
      expect(brokenLinks(built.site)).toEqual([])
    })

    it('home page counts what the site shows', () => {
      expect(homeCountProblems(built.site, docs)).toEqual([])
    })

    it('counts approved school feedback on profiles and /stats/, and nothing else', () => {
      expect(
        feedbackProblems(
          built.site,
          c.content.documents.filter((d) => isPublishedId(d._id)),
        ),
      ).toEqual([])
    })

    it('shows nothing of drafts, release versions, unknown types or talk requests', () => {
      expect(nowhere(built.site, c.hidden)).toEqual([])
      const odd = built.site.files().filter((f) => /(^|\/)(drafts|versions)\.|_\.releases/.test(f))
      expect(odd).toEqual([])
    })

    if (c.content.name === 'maximal') {
      it(`shows the talk at ${TIMED_TALK.startsAt} at ${TIMED_TALK.shown} China time`, () => {
        const html = built.site.read(talkPath(TIMED_TALK.id))
        expect(html).toMatch(new RegExp(`<time[^>]*>[^<]*${TIMED_TALK.shown}`))
      })
    }

    it('warns only where the Studio warns or refuses (same document, same field)', async () => {
      const verdict = await c.verdict
      const ids = c.content.documents.map((d) => d._id)
      // A warning without a field (e.g. "invalid content — skipped") is never one the Studio gives.
      const field = (w: { field?: string }) => w.field?.split(/[.[]/)[0] ?? '(no field)'
      const unjustified = warningsOf(built.log, ids)
        .filter((w) => w.id)
        .filter((w) => !c.named?.some((n) => n.id === w.id && n.field === field(w)))
        .filter((w) => !flaggedFields(verdict, w.id!).has(field(w)))
        .map((w) => w.line)
      expect(unjustified).toEqual([])
    })

    it('has no other warnings in the build log', () => {
      const ids = c.content.documents.map((d) => d._id)
      expect(
        warningsOf(built.log, ids)
          .filter((w) => !w.id)
          .map((w) => w.line),
      ).toEqual([])
    })

    for (const n of c.named ?? []) {
      it(`names ${n.id} field "${n.field}" in the log (${n.why})`, () => {
        expect(warningsOf(built.log, [n.id]).filter((w) => w.id && w.field?.startsWith(n.field))).not.toEqual([])
      })
    }

    if (c.refused) {
      for (const r of c.refused) {
        it(`names refused ${r.doc._type} ${r.doc._id} (no "${r.missing}") in the log and gives it no page`, () => {
          const named = built.log.split('\n').filter((l) => l.includes(r.doc._id) && l.includes(`"${r.missing}"`))
          const problems = [
            ...(named.length === 0 ? [`no log line names ${r.doc._id} and "${r.missing}"`] : []),
            ...(r.page && built.site.has(r.page) ? [`it has a page: ${r.page}`] : []),
            ...nowhere(built.site, [{ id: r.doc._id, text: r.marker, why: `refused, no ${r.missing}` }]),
          ]
          expect(problems).toEqual([])
        })
      }
    }
  })
}
