import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const FOLDERS = ['domain', 'site', 'studio', 'server', 'scripts', 'tests', '.ci']
const ROOT_FILES = ['astro.config.mjs', 'sanity.cli.ts', 'sanity.config.ts']
/** Read but not ours to document: the shell's and Vite's own. */
const NOT_SETTINGS = new Set(['PATH', 'HOME', 'DEV', 'PROD', 'MODE', 'BASE_URL', 'SSR', 'NODE_ENV'])

function* sources(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'seed') yield* sources(full)
    else if (/\.(ts|tsx|mjs|astro)$/.test(entry.name) || entry.name === 'run') yield full
  }
}

/** Every environment variable the code reads, by the ways it reads them. */
function variablesRead(): Map<string, string> {
  const found = new Map<string, string>()
  const files = [
    ...FOLDERS.flatMap((f) => [...sources(path.join(ROOT, f))]),
    ...ROOT_FILES.map((f) => path.join(ROOT, f)),
  ]
  for (const file of files) {
    if (file.endsWith('readme.test.ts')) continue
    const text = readFileSync(file, 'utf8')
    const patterns = [
      /process\.env\.([A-Z][A-Z0-9_]*[A-Z0-9])\b/g,
      /process\.env\[['"]([A-Z][A-Z0-9_]*)['"]\]/g,
      /\benv\.([A-Z][A-Z0-9_]*[A-Z0-9])\b/g,
      /\$\{?(LAOMO_[A-Z0-9_]+|SANITY_[A-Z0-9_]+|RELIABILITY_[A-Z0-9_]+)/g,
      /['"]((?:LAOMO|SANITY|PUBLIC)_[A-Z0-9_]*[A-Z0-9])['"]/g,
    ]
    for (const pattern of patterns)
      for (const [, name] of text.matchAll(pattern))
        if (!NOT_SETTINGS.has(name!)) found.set(name!, path.relative(ROOT, file))
  }
  return found
}

describe('README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const table = readme.slice(readme.indexOf('## Environment variables'))
  const documented = new Set(
    [...table.matchAll(/^\|.*\|$/gm)].flatMap(([row]) => [...row.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!)),
  )

  it('lists every environment variable the code reads in its table', () => {
    const read = variablesRead()
    expect(read.size).toBeGreaterThan(40)
    const missing = [...read].filter(([name]) => !documented.has(name)).map(([name, file]) => `${name} (${file})`)
    expect(missing).toEqual([])
  })

  it('names in its structure tree only files and folders that exist', () => {
    const section = readme.slice(readme.indexOf('## Structure'), readme.indexOf('## Commands'))
    const tree = section.slice(section.indexOf('```'), section.indexOf('```', section.indexOf('```') + 3))
    const parents: string[] = []
    const named: string[] = []
    for (const [, indent, name] of tree.matchAll(/^((?:│   | {4})*)[├└]── (\S+)/gm)) {
      const depth = indent!.length / 4
      parents.length = depth
      const entry = path.join(...parents, name!)
      named.push(entry)
      parents[depth] = name!
    }
    expect(named.length).toBeGreaterThan(20)
    expect(named.filter((entry) => !existsSync(path.join(ROOT, entry)))).toEqual([])
  })
})
