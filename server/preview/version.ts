/**
 * A cheap fingerprint of the content the preview shows, to tell whether a new preview build is needed:
 * the dataset file's size and time (local dataset), or the newest `_updatedAt` and the number of documents
 * in the drafts perspective (Sanity; a deletion changes the count).
 */
import { statSync } from 'node:fs'
import path from 'node:path'
import type { SanityClient } from '@sanity/client'
import { DEFAULT_DATASET } from '#domain/dataset'

export async function contentVersion(client?: SanityClient): Promise<string> {
  if (client) {
    const v = await client.fetch<{ n: number; t: string | null }>(
      '{"n": count(*), "t": *[] | order(_updatedAt desc)[0]._updatedAt}',
    )
    return `${v.n}:${v.t}`
  }
  let file = path.resolve(process.env.LAOMO_DATASET || DEFAULT_DATASET)
  if (statSync(file).isDirectory()) file = path.join(file, 'data.ndjson')
  const info = statSync(file)
  return `${info.size}:${info.mtimeMs}`
}
