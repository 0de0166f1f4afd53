/**
 * Content fixtures shaped the way real editors leave content, generated from the Studio schema:
 *
 *   node_modules/.bin/node scripts/content-fixtures/generate.ts <outDir>
 *
 * writes into <outDir>:
 *   minimal/                 import layout: only what the Studio requires (minimal.ts)
 *   minimal-export.tar.gz    the same, as `sanity dataset export` writes it
 *   maximal/                 import layout: every field, every stored shape, plus drafts, versions and an
 *                            unknown type (maximal.ts, maximal-extras.ts)
 *   maximal-export.tar.gz    the same as an export archive (with the release document and unused assets)
 *   minimal-refused/         minimal plus one document per public type the Studio would refuse (refused.ts)
 *   maximal-pending/         maximal with a published reference still waiting for its target's first publish
 *
 * Deterministic: no clock, no randomness; two runs write byte-identical files.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { writeExportLayout, writeImportLayout } from './layouts.ts'
import { maximalDataset, withPendingReference } from './maximal-extras.ts'
import { minimalDataset } from './minimal.ts'
import type { Dataset } from './model.ts'
import { refusedDocs, type RefusedDoc } from './refused.ts'

export interface GeneratedDataset {
  dataset: Dataset
  /** Folder in import layout (data.ndjson + images/). */
  importDir: string
  /** `sanity dataset export` archive. */
  exportFile: string
}

export interface Fixtures {
  minimal: GeneratedDataset
  maximal: GeneratedDataset
  refused: { dataset: Dataset; importDir: string; docs: RefusedDoc[] }
  pending: { dataset: Dataset; importDir: string }
}

async function both(dataset: Dataset, outDir: string): Promise<GeneratedDataset> {
  const importDir = writeImportLayout(dataset, path.join(outDir, dataset.name))
  const exportFile = await writeExportLayout(
    dataset,
    path.join(outDir, `${dataset.name}-export.tar.gz`),
    path.join(outDir, `.staging-${dataset.name}`),
  )
  return { dataset, importDir, exportFile }
}

/** Writes every fixture into `outDir` (created if needed) and returns where each one is. */
export async function generateFixtures(outDir: string): Promise<Fixtures> {
  const out = path.resolve(outDir)
  mkdirSync(out, { recursive: true })
  const minimal = await both(await minimalDataset(), out)
  const maximal = await both(await maximalDataset(), out)
  const docs = refusedDocs(minimal.dataset.assets)
  const refusedDataset: Dataset = {
    ...minimal.dataset,
    name: 'minimal-refused',
    documents: [...minimal.dataset.documents, ...docs.map((r) => r.doc)],
  }
  const refusedDir = path.join(out, refusedDataset.name)
  const pending = withPendingReference(maximal.dataset)
  return {
    minimal,
    maximal,
    refused: { dataset: refusedDataset, importDir: writeImportLayout(refusedDataset, refusedDir), docs },
    pending: { dataset: pending, importDir: writeImportLayout(pending, path.join(out, pending.name)) },
  }
}

if (import.meta.main) {
  const [outDir] = process.argv.slice(2)
  if (!outDir) {
    console.error('usage: node scripts/content-fixtures/generate.ts <outDir>')
    process.exit(2)
  }
  const fixtures = await generateFixtures(outDir)
  for (const [name, f] of Object.entries(fixtures)) {
    const counts = new Map<string, number>()
    for (const d of f.dataset.documents) counts.set(d._type, (counts.get(d._type) ?? 0) + 1)
    const where = 'exportFile' in f ? `${f.importDir}, ${f.exportFile}` : f.importDir
    console.log(`${name}: ${[...counts].map(([t, n]) => `${n} ${t}`).join(', ')} → ${where}`)
  }
}
