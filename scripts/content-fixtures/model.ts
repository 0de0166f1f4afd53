/** The in-memory shape of a generated dataset: what the Content Lake would hold, before any export or import layout. */
import type { Asset } from './assets.ts'
import { rev, type Doc } from './ids.ts'

/** "Now" the datasets are written for: talks before it are past, after it upcoming (the build tests' LAOMO_NOW). */
export const NOW = '2026-06-01T00:00:00Z'

export interface HiddenText {
  /** The document it belongs to. */
  id: string
  /** A string that must appear in no output file. */
  text: string
  why: string
}

export interface Dataset {
  name: string
  /**
   * Every document the Content Lake holds, as it holds them (system fields, asset references): published
   * documents, drafts, release versions, system and plugin documents. Asset documents are in `assets`.
   */
  documents: Doc[]
  assets: Asset[]
  /** Text only unpublished, private or unknown documents hold: the site must show none of it. */
  hidden: HiddenText[]
}

/** Adds the Content Lake's system fields (fixed times, so output never depends on the clock). */
export function stored<T extends Doc>(doc: T, createdAt: string, updatedAt = createdAt): T {
  const { _id, _type, ...fields } = doc
  return {
    _id,
    _type,
    _createdAt: createdAt,
    _updatedAt: updatedAt,
    _rev: rev(`${_id}|${updatedAt}`),
    ...fields,
  } as unknown as T
}
