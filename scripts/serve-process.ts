/**
 * Starts the production server (`npm run serve`: server/main.ts over the build in LAOMO_OUT_DIR or
 * dist/) as a child process on 127.0.0.1, for the browser tests and the reliability suite.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const SERVER_ENTRY = fileURLToPath(new URL('../server/main.ts', import.meta.url))
export const OUT_DIR = path.resolve(process.env.LAOMO_OUT_DIR || 'dist')

export interface ServeProcess {
  origin: string
  port: number
  child: ChildProcess
  /** Everything the server printed (for failure messages). */
  output: string[]
  stop(signal?: NodeJS.Signals): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/** A build of the sample answers within seconds; a broken server should fail its test soon. */
const START_MS = 30_000

export async function startServer(options: {
  inbox: string
  port?: number
  env?: Record<string, string>
  /** Another build than LAOMO_OUT_DIR / dist. */
  outDir?: string
  /** How long to wait for the first answer: a 200× release is scanned (~16 s) before the server answers. */
  startMs?: number
}) {
  const outDir = options.outDir ?? OUT_DIR
  const buildEntry = path.join(outDir, 'server', 'entry.mjs')
  if (!existsSync(buildEntry)) throw new Error(`${buildEntry} is missing: run \`npm run build\` first`)
  const port = options.port ?? (await freePort())
  const origin = `http://127.0.0.1:${port}`
  const output: string[] = []
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LAOMO_OUT_DIR: outDir,
      LAOMO_INBOX: options.inbox,
      SANITY_PROJECT_ID: '',
      SANITY_WRITE_TOKEN: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => output.push(String(d)))
  child.stderr!.on('data', (d) => output.push(String(d)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const startMs = options.startMs ?? START_MS
  const deadline = Date.now() + startMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output.join('')}`)
    try {
      const r = await fetch(`${origin}/api/talk-requests`, { headers: { Accept: 'application/json' } })
      if (r.ok && ((await r.json()) as { ready?: boolean }).ready) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server did not answer within ${startMs / 1000} s:\n${output.join('')}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }

  const server: ServeProcess = {
    origin,
    port,
    child,
    output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
  return server
}
