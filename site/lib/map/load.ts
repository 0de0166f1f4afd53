/**
 * The map page's build-time data: the talks (newest first) and their compact JSON files, each under
 * a content-hashed URL the page names: /map/view.json (`./firstView`: the first view's clusters and
 * the list's first items, preloaded), and, fetched when the reader needs them, /map/points.json
 * (`encodeMapData`: what markers and filters need for all talks) and /map/text.json (what the list
 * and popups need). Outside the HTML so the page stays small and parses at once even with tens of
 * thousands of talks. The points carry the clusters of the first view too (`./preview`).
 */
import { createHash } from 'node:crypto'
import { getCollection } from 'astro:content'
import { getSettings, perBuild } from '../site'
import { resolveMapConfig } from './config'
import { encodeMapData, type TalkInput } from './data'
import { encodeFirstView } from './firstView'
import { FIRST_VIEW_PAGE } from './list'
import { firstViewPreview } from './preview'
import { MAP_POINTS_PATH, MAP_TEXT_PATH, MAP_VIEW_PATH } from '#domain/paths'

/** The talks the map shows, newest first. */
export const mapTalks: () => Promise<TalkInput[]> = perBuild(async () =>
  (await getCollection('talks')).map((e) => e.data).sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
)

export interface MapDataFile {
  json: string
  /** Changes whenever the data does. */
  url: string
}

const hashed = (path: string, json: string): MapDataFile => ({
  json,
  url: `${path}?v=${createHash('sha256').update(json).digest('hex').slice(0, 12)}`,
})

/**
 * The map data as JSON, and the URLs the page loads it from: encoded once per build for the page
 * and the two files it names.
 */
export const mapDataJson: () => Promise<{ view: MapDataFile; points: MapDataFile; text: MapDataFile }> = perBuild(
  async () => {
    const talks = await mapTalks()
    const { config, warnings } = resolveMapConfig(await getSettings(), { ...import.meta.env, ...process.env })
    for (const warning of warnings) console.warn(`[laomo] ${warning}`)
    const { points, text } = encodeMapData(talks, config)
    points.preview = firstViewPreview(points, config)
    return {
      view: hashed(MAP_VIEW_PATH, JSON.stringify(encodeFirstView(talks, config, points.preview, FIRST_VIEW_PAGE))),
      points: hashed(MAP_POINTS_PATH, JSON.stringify(points)),
      text: hashed(MAP_TEXT_PATH, JSON.stringify(text)),
    }
  },
)
