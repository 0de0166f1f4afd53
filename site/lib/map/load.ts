/**
 * The map page's build-time data: the talks (newest first) and their compact JSON
 * (`encodeMapData`), served once, as /map/data.json, under a content-hashed URL the page names.
 * Outside the HTML so the page stays small and parses at once even with tens of thousands of talks;
 * the island fetches it (preloaded from the page) and is its only reader.
 */
import { createHash } from 'node:crypto'
import { getCollection } from 'astro:content'
import { getSettings } from '../site'
import { resolveMapConfig } from './config'
import { encodeMapData, type TalkInput } from './data'

export const MAP_DATA_PATH = '/map/data.json'

/** The talks the map shows, newest first. */
export async function mapTalks(): Promise<TalkInput[]> {
  return (await getCollection('talks')).map((e) => e.data).sort((a, b) => b.startsAt.localeCompare(a.startsAt))
}

/** The map data as JSON, and the URL the page loads it from (changes whenever the data does). */
export async function mapDataJson(talks: TalkInput[]): Promise<{ json: string; url: string }> {
  const { config, warnings } = resolveMapConfig(await getSettings(), { ...import.meta.env, ...process.env })
  for (const warning of warnings) console.warn(`[laomo] ${warning}`)
  const json = JSON.stringify(encodeMapData(talks, config))
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 12)
  return { json, url: `${MAP_DATA_PATH}?v=${hash}` }
}
