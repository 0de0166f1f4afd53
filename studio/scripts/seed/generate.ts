/**
 * Builds the whole sample dataset and writes it: `data.ndjson` (Sanity's import format, one document
 * a line, images as `_sanityAsset`) and the placeholder JPEGs in `images/`.
 *
 * Everything comes from one seeded random stream and fixed dates, so two runs give byte-identical
 * output. The generators draw from that stream in the order below: changing the order, or adding a
 * draw, changes the dataset (the test against the committed studio/seed/ will say so).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SITE_SETTINGS } from './data/site.ts'
import { TOTAL_TALKS } from './data/talks.ts'
import { TOURS } from './data/tours.ts'
import { buildDrafts } from './drafts.ts'
import { ImageRegistry } from './images.ts'
import { buildPairings } from './pairings.ts'
import { choosePhotos, photoDoc } from './photos.ts'
import type { Json } from './portable-text.ts'
import { createRandom } from './random.ts'
import { buildRequests } from './requests.ts'
import { buildFeedback } from './feedback.ts'
import { buildTalkDrafts } from './schedule.ts'
import { buildStories, storyDoc } from './stories.ts'
import { finaliseTalks, talkDoc } from './talks.ts'
import { topicDocs } from './topics.ts'
import { tourDoc } from './tours.ts'
import { Venues } from './venues.ts'
import { workerDocs } from './workers.ts'

const SEED = 0x213_0931

/** The documents in file order: by type, then by id within each type, drafts last. */
export function buildDocuments(images: ImageRegistry): Json[] {
  const random = createRandom(SEED)
  const workers = workerDocs(images)
  const talks = finaliseTalks(random, buildTalkDrafts(random, new Venues(random)))
  if (talks.length !== TOTAL_TALKS) throw new Error(`expected ${TOTAL_TALKS} talks, got ${talks.length}`)
  const photos = choosePhotos(random, images, talks)
  const stories = buildStories(talks, photos)
  const requests = buildRequests(talks)

  const byId = (a: Json, b: Json): number => String(a._id).localeCompare(String(b._id))
  return [
    [SITE_SETTINGS],
    TOURS.map(tourDoc).sort(byId),
    workers.sort(byId),
    topicDocs().sort(byId),
    talks.map((t) => talkDoc(random, t)).sort(byId),
    photos.map(photoDoc).sort(byId),
    stories.map(storyDoc).sort(byId),
    requests.sort(byId),
    buildFeedback(talks).sort(byId),
    buildPairings(talks).sort(byId),
    buildDrafts(stories.map(storyDoc)).sort(byId),
  ].flat()
}

/** Writes the dataset into `dir` (stale images removed) and returns a one-line summary. */
export async function generateSeed(dir: string): Promise<string> {
  const images = new ImageRegistry()
  const docs = buildDocuments(images)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'data.ndjson'), docs.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
  const bytes = await images.render(join(dir, 'images'))

  const published = docs.filter((d) => !String(d._id).startsWith('drafts.'))
  const count = (type: string): number => published.filter((d) => d._type === type).length
  return (
    `wrote ${docs.length} documents (${count('talk')} talks, ${count('modelWorker')} workers, ${count('photo')} photos, ` +
    `${count('story')} stories, ${count('talkRequest')} requests, ${count('tour')} tours, ` +
    `${docs.length - published.length} drafts) and ${images.jobs.size} images ` +
    `(${(bytes / 1024).toFixed(0)} KB) to ${dir}`
  )
}
