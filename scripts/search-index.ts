/**
 * Builds the Pagefind search index into a built site. `npm run build` runs it after `astro build`
 * has exited, so the indexer never holds its memory while Astro still holds its own (at 50× the
 * sample content the two together needed over 3 GiB). Chinese is segmented from <html lang="zh-CN">.
 *
 *   node scripts/search-index.ts [outDir]   (default: LAOMO_OUT_DIR or ./dist)
 */
import path from 'node:path'
import { close, createIndex } from 'pagefind'
import { staticDirOf } from './static-dir.ts'

/**
 * The pages that carry `data-pagefind-body` (profiles, talks, stories). Reading only them keeps the
 * indexer from parsing the long list pages, megabytes each at 50× the sample, which add nothing.
 */
const SEARCH_PAGES = '{workers,stories,talks}/*/**/*.html'

/** Indexes the searchable pages of `siteDir` into `siteDir/pagefind`; returns the number of pages indexed. */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  try {
    const { index, errors } = await createIndex({})
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
    const added = await index.addDirectory({ path: siteDir, glob: SEARCH_PAGES })
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`)
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') })
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`)
    return added.page_count
  } finally {
    await close()
  }
}

if (import.meta.main) {
  const siteDir = staticDirOf(path.resolve(process.argv[2] ?? (process.env.LAOMO_OUT_DIR || 'dist')))
  const started = performance.now()
  const pages = await buildSearchIndex(siteDir)
  console.log(`[search-index] indexed ${pages} pages in ${Math.round(performance.now() - started)}ms (${siteDir})`)
}
