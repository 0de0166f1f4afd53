/**
 * Astro Content Layer loaders over the content module. Each collection runs one query from
 * `queries.ts` through the configured executor, normalises the rows (naming every problem
 * as a build warning) and stores what can be shown.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Loader, LoaderContext } from 'astro/loaders'
import { getContentSource, type ContentSource } from './executors'
import { applyCrops } from './crop'
import { dropClashingFormerSlugs, type SlugEntry } from './former-slugs'
import type { Normalised } from './normalise'
import { SETTINGS_QUERY } from './queries'
import { normaliseSettings } from './settings'

/** Where a relative image path in the data is resolved from (dataset mode only). */
function entryFilePath(source: ContentSource, context: LoaderContext): string | undefined {
  if (!source.file) return undefined
  return path.relative(fileURLToPath(context.config.root), source.file)
}

let codeFingerprint: string | undefined
/**
 * Astro clears the content store when content.config.ts changes, but not when the modules it
 * imports do; folding their source into every digest makes a code change re-parse everything.
 */
function contentCodeFingerprint(context: LoaderContext): string {
  if (codeFingerprint === undefined) {
    const dir = path.join(fileURLToPath(context.config.root), 'site/lib/content')
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort()
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    codeFingerprint = context.generateDigest(sources.join('\n'))
  }
  return codeFingerprint
}

export function groqLoader<R extends { _id: string }>(options: {
  name: string
  query: string
  params?: Record<string, unknown>
  normalise: (row: R) => Normalised<object>
}): Loader {
  return {
    name: `laomo-${options.name}`,
    async load(context) {
      const { store, parseData, logger, generateDigest } = context
      const source = await getContentSource()
      const rows = (await source.fetch<R[] | null>(options.query, options.params ?? {})) ?? []
      const filePath = entryFilePath(source, context)
      const entryDir = source.file ? path.dirname(source.file) : undefined
      const cropDir = fileURLToPath(new URL('laomo-crops/', context.config.cacheDir))
      // Incremental: an entry whose content digest is unchanged since the last build keeps its
      // parsed data (and processed images); only new or changed documents are parsed again.
      const seen = new Set<string>()
      let skipped = 0
      let reused = 0
      const slugs = new Map<string, string>()
      const shown: { row: R; data: object }[] = []
      for (const row of rows) {
        const { data, warnings } = options.normalise(row)
        for (const warning of warnings) logger.warn(warning)
        if (!data) {
          skipped++
          continue
        }
        // Two pages cannot share an address. The Studio refuses a taken slug when it can reach the
        // dataset; content imported around it keeps the first in query order and names the other.
        const slug = (data as { slug?: unknown }).slug
        if (typeof slug === 'string') {
          const owner = slugs.get(slug)
          if (owner) {
            logger.warn(
              `${options.name} ${row._id}: field "slug" "${slug}" is already used by ${owner} — document skipped`,
            )
            skipped++
            continue
          }
          slugs.set(slug, row._id)
        }
        shown.push({ row, data })
      }
      // Old addresses redirect: only once every current slug is known can a clash be told.
      const withFormer = shown.map((s) => s.data).filter((d): d is SlugEntry => 'formerSlugs' in d)
      for (const warning of dropClashingFormerSlugs(options.name, withFormer)) logger.warn(warning)
      for (const { row, data } of shown) {
        const digest = generateDigest({ data, filePath: filePath ?? null, code: contentCodeFingerprint(context) })
        seen.add(row._id)
        if (store.get(row._id)?.digest === digest) {
          reused++
          continue
        }
        try {
          if (entryDir)
            for (const problem of await applyCrops(data, entryDir, cropDir))
              logger.warn(`${options.name} ${row._id}: ${problem}`)
          const parsed = await parseData({ id: row._id, data: data as Record<string, unknown>, filePath })
          store.set({ id: row._id, data: parsed, filePath, digest })
        } catch (error) {
          seen.delete(row._id)
          skipped++
          logger.warn(`${options.name} ${row._id}: invalid content — skipped (${firstLine(error)})`)
        }
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id)
      logger.info(`${rows.length - skipped} of ${rows.length} from ${source.label} (${reused} unchanged)`)
    },
  }
}

/** The one settings entry, plus where the content came from. */
export function settingsLoader(): Loader {
  return {
    name: 'laomo-settings',
    async load(context) {
      const { store, parseData, logger, generateDigest } = context
      const source = await getContentSource()
      for (const warning of source.warnings) logger.warn(warning)
      const row = await source.fetch<Parameters<typeof normaliseSettings>[0]>(SETTINGS_QUERY, {
        settingsId: 'siteSettings',
      })
      const { data: fields, warnings } = normaliseSettings(row)
      for (const warning of warnings) logger.warn(warning)
      const data = { ...fields, isSample: source.isSample, sourceLabel: source.label }
      // The logo is an image like any other: resolved from the dataset's folder, cropped once.
      const filePath = entryFilePath(source, context)
      if (source.file) {
        const cropDir = fileURLToPath(new URL('laomo-crops/', context.config.cacheDir))
        for (const problem of await applyCrops(data, path.dirname(source.file), cropDir))
          logger.warn(`siteSettings siteSettings: ${problem}`)
      }
      store.clear()
      store.set({
        id: 'siteSettings',
        data: await parseData({ id: 'siteSettings', data, filePath }),
        filePath,
        digest: generateDigest({ data, code: contentCodeFingerprint(context) }),
      })
    },
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error)
    .split('\n')
    .slice(0, 3)
    .join(' ')
}
