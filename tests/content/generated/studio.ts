/**
 * The Studio's own verdict on a dataset: `sanity documents validate` (offline) over its published documents
 * of the Studio's types, as written in the import layout. Its markers say, per document and field, what the
 * Studio refuses (error) and what it only warns about — the yardstick for the site's build warnings.
 */
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { isPublishedId } from '../../../scripts/content-fixtures/ids.ts'
import { CONTENT_TYPES } from '../../../scripts/content-fixtures/schema.ts'

const SANITY = path.resolve('node_modules/.bin/sanity')

export interface Marker {
  level: 'error' | 'warning' | 'info'
  message: string
  path: (string | number | Record<string, string>)[]
}

export interface Verdict {
  status: number | null
  stderr: string
  /** Markers (warning and error level) by document id. */
  markers: Map<string, Marker[]>
  /** How many documents were validated. */
  count: number
}

/**
 * Writes `<importDir>/published.ndjson` (published documents of the Studio's types; the images stay
 * `_sanityAsset` references next to it) and validates it. Every referenced document must be in that file:
 * the offline CLI asks the API about any other id and fails.
 */
export async function validateImportLayout(importDir: string): Promise<Verdict> {
  const docs = readFileSync(path.join(importDir, 'data.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .filter((line) => {
      const doc = JSON.parse(line) as { _id: string; _type: string }
      return isPublishedId(doc._id) && (CONTENT_TYPES as readonly string[]).includes(doc._type)
    })
  const file = path.join(importDir, 'published.ndjson')
  writeFileSync(file, docs.join('\n') + '\n')
  // The CLI's `#!/usr/bin/env node` must find this Node (>= 22.12), not an older one on the PATH.
  const env = {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    SANITY_AUTH_TOKEN: 'offline-validation',
    SANITY_TELEMETRY_DISABLED: '1',
    CI: 'true',
  }
  const child = spawn(
    SANITY,
    ['documents', 'validate', '--file', file, '--format', 'ndjson', '--level', 'warning', '-y'],
    {
      env,
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
  const status = await new Promise<number | null>((resolve) => {
    child.on('error', (error) => {
      stderr += `${error.message}\n`
      resolve(null)
    })
    child.on('close', resolve)
  })
  const markers = new Map<string, Marker[]>()
  for (const line of stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const report = JSON.parse(line) as { documentId: string; markers: Marker[] }
    markers.set(report.documentId, report.markers)
  }
  return {
    status,
    stderr:
      stderr +
      stdout
        .split('\n')
        .filter((l) => !l.startsWith('{'))
        .join('\n'),
    markers,
    count: docs.length,
  }
}

/** "<id> <field path>: <message>" for every error marker. */
export const errorsOf = (verdict: Verdict): string[] =>
  [...verdict.markers].flatMap(([id, markers]) =>
    markers.filter((m) => m.level === 'error').map((m) => `${id} ${m.path.join('.')}: ${m.message}`),
  )

/** The top-level fields the Studio flags (warning or error) on a document. */
export const flaggedFields = (verdict: Verdict, id: string): Set<string> =>
  new Set((verdict.markers.get(id) ?? []).map((m) => String(m.path[0] ?? '')))
