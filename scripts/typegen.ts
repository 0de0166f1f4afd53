/**
 * `npm run typegen`: Sanity's own CLI extracts the Studio schema (required fields non-optional) into
 * studio/schema.json and TypeGen writes the query result types into domain/sanity.types.ts.
 * `--check` (part of `npm test`) regenerates both, puts the committed files back and fails when they
 * differ: a schema or query change without regenerated types does not pass.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

const GENERATED = ['studio/schema.json', 'domain/sanity.types.ts']
const check = process.argv.includes('--check')

function sanity(args: string[]) {
  const run = spawnSync('node_modules/.bin/sanity', args, {
    encoding: 'utf8',
    env: { ...process.env, SANITY_TELEMETRY_DISABLED: '1' },
  })
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr)
    throw new Error(`sanity ${args.join(' ')} failed (exit ${run.status})`)
  }
}

const before = new Map(GENERATED.map((file) => [file, readFileSync(file, 'utf8')]))
try {
  sanity(['schema', 'extract', '--enforce-required-fields', '--path', 'studio/schema.json', '--force'])
  sanity(['typegen', 'generate'])
} catch (error) {
  for (const [file, text] of before) writeFileSync(file, text)
  console.error(String((error as Error).message))
  process.exit(1)
}

const drifted = GENERATED.filter((file) => readFileSync(file, 'utf8') !== before.get(file))
if (!check) {
  console.log(drifted.length ? `typegen: updated ${drifted.join(', ')}` : 'typegen: up to date')
} else if (drifted.length) {
  for (const file of drifted) writeFileSync(file, before.get(file)!)
  console.error(
    `typegen: ${drifted.join(', ')} no longer match the Studio schema and queries.\n` +
      'Run `npm run typegen` and commit the result.',
  )
  process.exit(1)
} else {
  console.log('typegen: generated types match the schema and queries')
}
