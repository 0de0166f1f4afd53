/**
 * The pairings collection's loader: the common GROQ loader, plus one thing. A dataset may well have no
 * pairing shown on the site, and Astro warns on every getCollection() of a collection that holds no entry
 * (one warning per page that lists pairings). Leaving the collection present but empty keeps the build log
 * for real problems.
 */
import type { Loader } from 'astro/loaders'
import { groqLoader } from './loader'
import { normalisePairing } from './normalise'
import { PAIRINGS_QUERY } from './queries'

const PLACEHOLDER = '\u0000none'

export function pairingsLoader(): Loader {
  const inner = groqLoader({
    name: 'pairings',
    query: PAIRINGS_QUERY,
    params: { shown: true },
    normalise: normalisePairing,
  })
  return {
    name: inner.name,
    async load(context) {
      await inner.load(context)
      if (context.store.keys().length === 0) {
        context.store.set({ id: PLACEHOLDER, data: {} })
        context.store.delete(PLACEHOLDER)
      }
    },
  }
}
