/**
 * Publish latency, the way an editor meets it: the real publish service and site server, a signed delivery
 * for a one-document edit, and the time until the site serves the edited page. Also a burst: ten edits
 * delivered within five seconds, how many builds ran and when the last edit was live. The service takes its
 * fast path for these content-only edits (server/publish/fast.ts) unless LAOMO_FAST_PUBLISH=0.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { startPublishService, waitFor, type PublishProcess } from '../publish-process.ts'
import { startServer, type ServeProcess } from '../serve-process.ts'
import { editDocument, toNdjson, type Doc } from './scale-dataset.ts'

export interface PublishFigures {
  /** The first release (a clean build, nothing live before). */
  firstMs: number
  /** Delivery → edited page served, one per run. */
  latencies: number[]
  burst?: { deliveries: number; builds: number; lastLiveMs: number }
}

const SECRET = 'bench-publish-secret-0123456789'
const BURST = 10
const BURST_SPACING_MS = 500
const TIMEOUT_MS = 15 * 60_000

export async function measurePublish(options: {
  dataset: { dir: string; file: string; docs: Doc[] }
  root: string
  runs: number
  burst: boolean
  log: (line: string) => void
}): Promise<PublishFigures> {
  const { dataset, root, runs } = options
  rmSync(root, { recursive: true, force: true })
  let docs = dataset.docs
  let revision = 0
  const talks = docs.filter((d) => d._type === 'talk').slice(0, BURST)
  const edit = (id: string) => {
    docs = editDocument(docs, id, ++revision)
    // Whole or not at all: a build reading the dataset meanwhile (the burst) must not see half a file.
    writeFileSync(`${dataset.file}.tmp`, toNdjson(docs))
    renameSync(`${dataset.file}.tmp`, dataset.file)
    return String(docs.find((d) => d._id === id)!.title)
  }

  let service: PublishProcess | undefined
  let site: ServeProcess | undefined
  try {
    const started = performance.now()
    service = await startPublishService({
      secret: SECRET,
      env: {
        LAOMO_DATASET: dataset.dir,
        LAOMO_RELEASES_DIR: root,
        LAOMO_CACHE_DIR: path.join(root, 'cache'),
        LAOMO_EMBED_STUDIO: '0',
      },
    })
    const s = service
    await waitFor('first release', async () => (await s.status()).current, TIMEOUT_MS, 250)
    const firstMs = performance.now() - started
    site = await startServer({
      inbox: path.join(root, 'inbox.ndjson'),
      outDir: path.join(root, 'current'),
      startMs: 180_000,
    })
    const origin = site.origin
    const served = async (id: string, title: string) =>
      (await (await fetch(`${origin}/talks/${encodeURIComponent(id)}/`)).text()).includes(escapeHtml(title))

    const latencies: number[] = []
    for (let run = 0; run < runs; run++) {
      const talk = talks[0]!
      const title = edit(talk._id)
      const t0 = performance.now()
      const answer = await s.deliver({ _id: talk._id, _type: 'talk', operation: 'update' }, `bench-${revision}`)
      if (answer.status !== 202) throw new Error(`delivery refused: ${answer.status} ${await answer.text()}`)
      await waitFor('edit served', () => served(talk._id, title), TIMEOUT_MS, 20)
      latencies.push(performance.now() - t0)
      // The search index follows the switch (publisher.ts) and holds the queue meanwhile: wait for it, so
      // the next edit is measured alone, as an editor's edit minutes later would be.
      await waitFor('search index current', async () => (await s.status()).building === 0, TIMEOUT_MS, 20)
      const indexedMs = performance.now() - t0
      // The service's log line for this publish (the first is the first release's), if written yet.
      const lines = s.output.join('').split('\n')
      const line = lines.filter((l) => l.includes(': live (')).at(run + 1) ?? ''
      const outputs = /(\d+) outputs rendered, (\d+) restored/.exec(line)
      // Which way the publish went (server/publish/fast.ts), with the fast path's phases in ms.
      const path = lines
        .filter((l) => /fast path/.test(l))
        .at(run)
        ?.replace(/^.*?(fast path)/, '$1')
      options.log(
        `publish: edit ${run + 1} live after ${Math.round(latencies.at(-1)!)} ms, search index after ${Math.round(indexedMs)} ms` +
          (outputs ? ` (${outputs[1]} outputs rendered, ${outputs[2]} restored)` : '') +
          (path ? `; ${path}` : ''),
      )
    }

    let burst: PublishFigures['burst']
    if (options.burst) {
      const before = (await s.status()).builds.length
      const t0 = performance.now()
      let last = { id: '', title: '' }
      for (const talk of talks) {
        last = { id: talk._id, title: edit(talk._id) }
        await s.deliver({ _id: talk._id, _type: 'talk', operation: 'update' }, `bench-${revision}`)
        await new Promise((r) => setTimeout(r, BURST_SPACING_MS))
      }
      await waitFor('burst served', () => served(last.id, last.title), TIMEOUT_MS, 20)
      const lastLiveMs = performance.now() - t0
      await waitFor('burst builds done', async () => (await s.status()).building === 0, TIMEOUT_MS, 100)
      burst = { deliveries: talks.length, builds: (await s.status()).builds.length - before, lastLiveMs }
    }
    return { firstMs, latencies, burst }
  } finally {
    service?.child.kill('SIGTERM')
    await site?.stop()
    writeFileSync(dataset.file, toNdjson(dataset.docs))
    rmSync(root, { recursive: true, force: true })
  }
}

/** The title as Astro writes it into the page's text. */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
