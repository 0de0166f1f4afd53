/**
 * The two ways the site reads content, behind one interface. Which one runs is decided once,
 * from the environment: a configured Sanity project wins, otherwise the bundled (or
 * `LAOMO_DATASET`) dataset is queried in-process with groq-js.
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import type { SanityClient } from '@sanity/client'
import { evaluate, evaluateSync, parse } from 'groq-js'
import {
  DEFAULT_DATASET,
  loadDatasetFile,
  resolveDatasetFile,
  type Perspective,
  type SanityDocument,
} from '#domain/dataset'
import { API_VERSION } from '#domain/sanity'
import { DEFAULT_ASSET_CACHE, withLocalImages } from './assets'

export type QueryParams = Record<string, unknown>

export interface ContentSource {
  kind: 'sanity' | 'dataset'
  /** Shown in build logs: project/dataset or file path. */
  label: string
  /** True when the content is the bundled sample dataset: the site then says so on every page. */
  isSample: boolean
  /**
   * Astro resolves relative image paths against this file: the NDJSON file in dataset mode, a name
   * inside the downloaded-images cache in Sanity mode.
   */
  file?: string
  /** Problems met while reading the source itself. */
  warnings: string[]
  fetch<T = unknown>(query: string, params?: QueryParams): Promise<T>
}

/** In-memory dataset executor: the real GROQ engine over the documents of one file. */
export function datasetSource(
  documents: SanityDocument[],
  options: { label: string; isSample: boolean; file?: string; warnings?: string[] },
): ContentSource {
  // groq-js resolves `->` by scanning every document; an id index makes joins O(1), which
  // keeps content sync linear in the dataset size (see BENCHMARKS.md).
  const byId = new Map(documents.map((doc) => [doc._id, doc]))
  const dereference = ({ _ref }: { _ref: string }) => byId.get(_ref)
  return {
    kind: 'dataset',
    label: options.label,
    isSample: options.isSample,
    file: options.file,
    warnings: options.warnings ?? [],
    async fetch<T>(query: string, params: QueryParams = {}): Promise<T> {
      const tree = parse(query, { params })
      const options = { dataset: documents, params, dereference }
      // The synchronous evaluator gives the same results without a promise per node: a publish's
      // collection queries take half the time at the sample's size, a fifth at 50×. It throws on
      // what it lacks (diff:: and delta:: functions), which the asynchronous one then answers.
      let result
      try {
        result = evaluateSync(tree, options)
      } catch {
        result = await evaluate(tree, options)
      }
      return (await result.get()) as T
    },
  }
}

export function sanitySource(client: SanityClient): ContentSource {
  const { projectId, dataset } = client.config()
  return {
    kind: 'sanity',
    label: `Sanity ${projectId}/${dataset}`,
    isSample: false,
    warnings: [],
    fetch: <T>(query: string, params: QueryParams = {}) => client.fetch<T>(query, params),
  }
}

export interface SourceEnv {
  SANITY_PROJECT_ID?: string
  SANITY_DATASET?: string
  SANITY_READ_TOKEN?: string
  /** Another API host than Sanity's (e.g. a local stand-in in tests): `http://127.0.0.1:4000`. */
  SANITY_API_HOST?: string
  LAOMO_DATASET?: string
  /** Where Sanity mode keeps downloaded images (default node_modules/.cache/laomo-sanity-assets). */
  LAOMO_ASSET_CACHE?: string
  /** `drafts` for the preview server's builds: drafts in place of published documents. */
  LAOMO_PERSPECTIVE?: string
}

const cache = new Map<string, { stamp: string; source: Promise<ContentSource> }>()

/**
 * The dataset file's modification time and size: the publish service's warm renderer (server/publish/
 * render-worker.ts) syncs many publishes in one process, and a file edited in between must be read again.
 */
function datasetStamp(env: SourceEnv): string {
  if (env.SANITY_PROJECT_ID) return ''
  try {
    let file = path.resolve(env.LAOMO_DATASET || DEFAULT_DATASET)
    if (statSync(file).isDirectory()) file = path.join(file, 'data.ndjson')
    const stat = statSync(file)
    return `${stat.mtimeMs}:${stat.size}`
  } catch {
    return ''
  }
}

/** The content source for this build, created once per distinct configuration and dataset file version. */
export function getContentSource(env: SourceEnv = process.env as SourceEnv): Promise<ContentSource> {
  const key = JSON.stringify([
    env.SANITY_PROJECT_ID,
    env.SANITY_DATASET,
    env.SANITY_API_HOST,
    env.LAOMO_DATASET,
    env.LAOMO_ASSET_CACHE,
    env.LAOMO_PERSPECTIVE,
  ])
  const stamp = datasetStamp(env)
  let entry = cache.get(key)
  // Replaced, not added to: a long-lived process keeps only the current version in memory.
  if (entry?.stamp !== stamp) {
    entry = { stamp, source: createContentSource(env) }
    cache.set(key, entry)
  }
  return entry.source
}

async function createContentSource(env: SourceEnv): Promise<ContentSource> {
  const perspective: Perspective = env.LAOMO_PERSPECTIVE === 'drafts' ? 'drafts' : 'published'
  if (env.SANITY_PROJECT_ID) {
    // Imported only here: the client (and RxJS under it) adds ~0.25 s to every dataset-mode build.
    const { createClient } = await import('@sanity/client')
    const apiHost = env.SANITY_API_HOST
    const client = createClient({
      projectId: env.SANITY_PROJECT_ID,
      dataset: env.SANITY_DATASET || 'production',
      apiVersion: API_VERSION,
      useCdn: false,
      // Drafts need a token that may read them (SANITY_READ_TOKEN, viewer role).
      perspective,
      token: env.SANITY_READ_TOKEN || undefined,
      // Another host takes the URL as given (no `<projectId>.` prefix); the project goes in a header.
      ...(apiHost ? { apiHost, useProjectHostname: false } : {}),
    })
    const { projectId, dataset, token } = client.config()
    return withLocalImages(sanitySource(client), {
      projectId: projectId!,
      dataset: dataset!,
      token,
      cacheDir: path.resolve(env.LAOMO_ASSET_CACHE || DEFAULT_ASSET_CACHE),
      // A stand-in API serves the images itself.
      hosts: apiHost ? [new URL(apiHost).host] : [],
    })
  }
  const custom = env.LAOMO_DATASET
  const file = custom
    ? await resolveDatasetFile(custom, path.resolve('node_modules/.cache/laomo-datasets'))
    : DEFAULT_DATASET
  const loaded = loadDatasetFile(file, perspective)
  return datasetSource(loaded.documents, {
    label: path.relative(process.cwd(), file) || file,
    isSample: !custom,
    file,
    warnings: loaded.warnings,
  })
}
