/**
 * Sanity images become local files: downloaded once into a content-addressed cache, named relative
 * to the source's `file` as dataset mode names them, and a failed download is a warning, not a crash.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withLocalImages } from './assets'
import type { ContentSource } from './executors'

const bytes = readFileSync(path.resolve('studio/seed/images/portrait-zhang-hongmei.jpg'))
const sha1 = createHash('sha1').update(bytes).digest('hex')
const good = `${sha1}-600x750.jpg`
const missing = `${'0'.repeat(40)}-10x10.jpg`
const corrupt = `${'1'.repeat(40)}-10x10.jpg`

const served: string[] = []
const server = createServer((req, res) => {
  served.push(req.url!)
  const name = path.basename(req.url!)
  if (name === good) {
    res.writeHead(200, { 'Content-Type': 'image/jpeg', 'X-Sanity-SHA1': sha1 })
    res.end(bytes)
  } else if (name === corrupt) {
    // A body that does not match the hash the server announces.
    res.writeHead(200, { 'Content-Type': 'image/jpeg', 'X-Sanity-SHA1': sha1 })
    res.end(bytes.subarray(0, 100))
  } else {
    res.writeHead(404, { 'Content-Type': 'application/json' })
    res.end('{"error":"Not Found"}')
  }
})

let host: string
let cacheDir: string
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  cacheDir = mkdtempSync(path.join(tmpdir(), 'laomo-assets-test-'))
})
afterAll(() => {
  server.close()
  rmSync(cacheDir, { recursive: true, force: true })
})

const image = (name: string, project = 'proj1', dataset = 'production') =>
  `http://${host}/images/${project}/${dataset}/${name}`

function source(rows: unknown): ContentSource {
  return { kind: 'sanity', label: 'test', isSample: false, warnings: [], fetch: async <T>() => rows as T }
}

function localise(rows: unknown) {
  const warnings: string[] = []
  const wrapped = withLocalImages(source(rows), {
    projectId: 'proj1',
    dataset: 'production',
    cacheDir,
    hosts: [host],
    warn: (message) => warnings.push(message),
  })
  return { wrapped, warnings }
}

describe('withLocalImages', () => {
  it('downloads the images a result names and hands them on as paths relative to `file`', async () => {
    const rows = [
      { _id: 'a', portrait: { src: image(good), alt: 'x' }, body: [{ src: image(good) }] },
      { _id: 'b', portrait: { src: image(missing), alt: 'y' } },
    ]
    const { wrapped, warnings } = localise(rows)
    const result = await wrapped.fetch<typeof rows>('*')
    expect(result[0]!.portrait.src).toBe(`./${good}`)
    expect(result[0]!.body![0]!.src).toBe(`./${good}`)
    expect(readFileSync(path.resolve(path.dirname(wrapped.file!), result[0]!.portrait.src)).equals(bytes)).toBe(true)
    // Named by asset id; the rest of the content is still there.
    expect(result[1]!.portrait).toEqual({ src: null, alt: 'y' })
    expect(warnings).toEqual([`image image-${'0'.repeat(40)}-10x10-jpg: download failed (HTTP 404) — image omitted`])
    expect(served.filter((url) => url.endsWith(good))).toHaveLength(1)
    expect(readdirSync(cacheDir)).toEqual([good])
  })

  it('downloads nothing it already has', async () => {
    served.length = 0
    const { wrapped } = localise({ src: image(good) })
    expect(await wrapped.fetch('*')).toEqual({ src: `./${good}` })
    expect(served).toEqual([])
  })

  it('keeps a download that does not match its announced SHA-1 out of the cache', async () => {
    const { wrapped, warnings } = localise({ src: image(corrupt) })
    expect(await wrapped.fetch('*')).toEqual({ src: null })
    expect(warnings[0]).toContain('incomplete download')
    expect(existsSync(path.join(cacheDir, corrupt))).toBe(false)
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('leaves every other string alone', async () => {
    const others = {
      otherProject: image(good, 'proj2'),
      otherDataset: image(good, 'proj1', 'staging'),
      otherHost: `http://example.org/images/proj1/production/${good}`,
      transformed: `${image(good)}?w=200`,
      text: `见 ${image(good)}`,
    }
    served.length = 0
    const { wrapped } = localise(others)
    expect(await wrapped.fetch('*')).toEqual(others)
    expect(served).toEqual([])
  })
})
