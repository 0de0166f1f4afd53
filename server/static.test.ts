import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { movedPaths, redirectMap, REDIRECTS_PATH } from '../site/lib/redirects.ts'
import { serveStatic, staticPath } from './static.ts'

const seed = Date.now() % 100_000
/** Generated renamed documents (slugs with capitals, spaces and Chinese), as the build would see them. */
function content() {
  let x = seed
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31)
  const word = () => ['li-hua', 'Wang Fang', '王芳', 'gongjiang', '2025'][next() % 5]!
  let k = 0
  const doc = () => ({ slug: `${word()}-${k++}`, formerSlugs: [`${word()}-${k++}`, `${word()}-${k++}`] })
  return {
    workers: Array.from({ length: 6 }, (_, i) => ({ ...doc(), name: `劳模${i}` })),
    stories: Array.from({ length: 3 }, (_, i) => ({ ...doc(), title: `报道${i}` })),
    tours: Array.from({ length: 2 }, (_, i) => ({ ...doc(), title: `巡回${i}` })),
  }
}

const root = mkdtempSync(path.join(tmpdir(), 'laomo-static-'))
const moved = movedPaths(content())
const write = (urlPath: string, text: string) => {
  const file = urlPath.endsWith('/') ? path.join(staticPath(root, urlPath)!, 'index.html') : staticPath(root, urlPath)!
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}
let server: Server
let origin: string

beforeAll(async () => {
  for (const m of moved) {
    write(m.to, `current ${m.to}`)
    // As the build writes them: a redirect page or a feed copy at the old path, which the 301 must win over.
    write(m.from, `old ${m.from}`)
  }
  write(REDIRECTS_PATH, JSON.stringify(redirectMap(moved)))
  write('/404.html', 'not found')
  server = createServer((req, res) => void serveStatic(root, req, res, new URL(req.url!, 'http://x').pathname))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => {
  server?.close()
  rmSync(root, { recursive: true, force: true })
})

const get = (p: string, method = 'GET') => fetch(`${origin}${p}`, { method, redirect: 'manual' })

describe('old addresses of renamed pages and feeds', () => {
  it('answer 301 with the new path, for pages and for the worker’s .ics', async () => {
    expect(moved.some((m) => m.kind === 'feed')).toBe(true)
    for (const m of moved) {
      const res = await get(m.from)
      expect(res.status, `${m.from} (seed ${seed})`).toBe(301)
      expect(res.headers.get('location')).toBe(m.to)
      expect(res.headers.get('cache-control')).toBeTruthy()
      expect((await get(m.from, 'HEAD')).status).toBe(301)
    }
  })

  it('follow the redirect to the current page or feed', async () => {
    for (const m of moved) {
      const res = await fetch(`${origin}${m.from}`)
      expect(res.status).toBe(200)
      expect(await res.text()).toBe(`current ${m.to}`)
    }
  })

  it('keep the query string, and match other spellings of the same path', async () => {
    const page = moved.find((m) => m.kind === 'page' && m.from.includes('%'))!
    expect((await get(`${page.from}?utm_source=qr`)).headers.get('location')).toBe(`${page.to}?utm_source=qr`)
    // Percent-escapes in lower case are the same path (RFC 3986).
    const lower = page.from.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())
    expect((await get(lower)).headers.get('location')).toBe(page.to)
    expect((await get(page.from.replace(/\/$/, ''))).headers.get('location')).toBe(page.to)
  })

  it('leave every other path to the files', async () => {
    const page = moved.find((m) => m.kind === 'page')!
    expect((await get(page.to)).status).toBe(200)
    expect((await get('/workers/no-such-worker/')).status).toBe(404)
  })

  it('follow a new redirect map without a restart (a build rewritten in place)', async () => {
    const [first, ...rest] = moved
    write(REDIRECTS_PATH, JSON.stringify(redirectMap(rest)))
    // The map's modification time is looked at once a second.
    await new Promise((r) => setTimeout(r, 1100))
    const res = await get(first!.from)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(`old ${first!.from}`)
    expect((await get(rest[0]!.from)).status).toBe(301)
    write(REDIRECTS_PATH, JSON.stringify(redirectMap(moved)))
  })
})

describe('the poster address of a talk that has taken place', () => {
  // Posters are built only for talks to come: a past talk keeps its page, its poster folder is gone.
  const talk = `/talks/${encodeURIComponent(`讲座-${seed}`)}/`
  beforeAll(() => write(talk, `talk ${talk}`))

  it('answers 302 to the talk page, keeping the query, with or without the last slash', async () => {
    for (const [asked, location] of [
      [`${talk}poster/`, talk],
      [`${talk}poster`, talk],
      [`${talk}poster/?from=qr`, `${talk}?from=qr`],
    ]) {
      const res = await get(asked!)
      expect(res.status, asked).toBe(302)
      expect(res.headers.get('location')).toBe(location)
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
    expect(await (await fetch(`${origin}${talk}poster/`)).text()).toBe(`talk ${talk}`)
  })

  it('serves a poster that is built, and answers 404 when the talk has no page either', async () => {
    write(`${talk}poster/`, 'poster')
    expect(await (await get(`${talk}poster/`)).text()).toBe('poster')
    rmSync(path.join(staticPath(root, talk)!, 'poster'), { recursive: true })
    expect((await get('/talks/no-such-talk/poster/')).status).toBe(404)
    expect((await get(`${talk}poster/x/`)).status).toBe(404)
  })
})
