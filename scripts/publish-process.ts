/**
 * Starts the publish service (`npm run publish:service`, server/publish/main.ts) as a child process on
 * 127.0.0.1 and sends it signed deliveries as Sanity's webhook does: for the deployment test and the
 * publish benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { encodeSignatureHeader, SIGNATURE_HEADER_NAME } from '@sanity/webhook'
import type { StatusReply } from '#domain/publishStatus'
import { freePort } from './serve-process.ts'

export const PUBLISH_ENTRY = fileURLToPath(new URL('../server/publish/main.ts', import.meta.url))

export interface PublishProcess {
  url: string
  child: ChildProcess
  output: string[]
  /** Sends a signed delivery; `key` is its idempotency key. */
  deliver(body: object, key: string): Promise<Response>
  /** The service's GET /status. */
  status(): Promise<StatusReply>
}

export async function startPublishService(options: {
  secret: string
  env: Record<string, string>
}): Promise<PublishProcess> {
  const port = await freePort()
  const output: string[] = []
  const child = spawn(process.execPath, [PUBLISH_ENTRY], {
    env: {
      ...process.env,
      SANITY_PROJECT_ID: '',
      ...options.env,
      LAOMO_WEBHOOK_SECRET: options.secret,
      LAOMO_PUBLISH_HOST: '127.0.0.1',
      LAOMO_PUBLISH_PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => output.push(String(d)))
  child.stderr!.on('data', (d) => output.push(String(d)))
  const url = `http://127.0.0.1:${port}`
  const status = async () => (await (await fetch(`${url}/status`)).json()) as StatusReply
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`publish service exited:\n${output.join('')}`)
    if (
      await status().then(
        () => true,
        () => false,
      )
    )
      break
    if (i > 300) throw new Error(`publish service did not start within 30 s:\n${output.join('')}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    child,
    output,
    status,
    async deliver(body, key) {
      const text = JSON.stringify(body)
      return fetch(`${url}/hooks/publish`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': key,
          [SIGNATURE_HEADER_NAME]: await encodeSignatureHeader(text, Date.now(), options.secret),
        },
        body: text,
      })
    },
  }
}

/** fetch's error for a connection reset under it (ECONNRESET, EPIPE, or undici's socket error). */
export const connectionReset = (error: unknown) =>
  error instanceof TypeError &&
  ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(String((error.cause as { code?: string } | undefined)?.code))

/** Resolves with `probe`'s first truthy value, polling every `everyMs`; throws after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  ms: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + ms
  let resets = 0
  for (;;) {
    let value: T | undefined | false
    try {
      value = await probe()
      resets = 0
    } catch (error) {
      // A kept-alive connection the server closed as the probe reused it: ask again on a new one, a few times.
      if (!connectionReset(error) || ++resets > 3) throw error
    }
    if (value) return value
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
