/**
 * The Sanity write token is read by the server at run time only: a build made with one set must
 * not contain it anywhere (static pages, client bundles or the server bundle).
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const TOKEN = 'skLaomoFakeWriteToken0123456789abcdef'
let outDir: string | undefined

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else yield full
  }
}

describe('write token', () => {
  it('never appears in a build made with it set', async () => {
    // Inside the repo (git-ignored dist-*): prerendering imports packages from node_modules beside the output.
    outDir = await mkdtemp(path.resolve('dist-token-check-'))
    const output: string[] = []
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
        env: { ...process.env, SANITY_WRITE_TOKEN: TOKEN, LAOMO_OUT_DIR: outDir, LAOMO_EMBED_STUDIO: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child.stdout.on('data', (d) => output.push(String(d)))
      child.stderr.on('data', (d) => output.push(String(d)))
      child.on('exit', resolve)
    })
    expect(code, output.join('').slice(-2000)).toBe(0)
    let checked = 0
    const leaks: string[] = []
    for await (const file of files(outDir)) {
      checked++
      if ((await readFile(file)).includes(TOKEN)) leaks.push(file)
    }
    expect(checked).toBeGreaterThan(100)
    expect(leaks).toEqual([])
  }, 300_000)
})
