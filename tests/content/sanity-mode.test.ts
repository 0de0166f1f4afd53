/**
 * Sanity mode, exercised: the site is built through @sanity/client from a local stand-in of the
 * Content Lake (tests/sanity-api/content-lake.ts) and in dataset mode from the same dataset, and the
 * two public outputs must be the same, with every image downloaded at build time and served from the
 * output itself.
 *
 * Datasets: the sample in `sanity dataset export` layout (images named `<sha1>-<w>x<h>.jpg`,
 * assets.json, system fields) plus a draft, a release version and an unpublished draft that neither
 * build may show; and the generated maximal fixture (scripts/content-fixtures), which stores every
 * shape editors leave (PNG/WebP, crops, drafts, releases, system documents).
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as tar from 'tar'
import { afterAll, describe, expect, it } from 'vitest'
import { startContentLake, type Doc } from '../sanity-api/content-lake'
import { readNdjson, writeExportArchive } from '../sanity-api/export-archive'

const SEED = path.resolve('studio/seed/data.ndjson')
const FIXTURES = path.resolve('scripts/content-fixtures/generate.ts')
const NOW = '2026-06-01T00:00:00Z'
const PROJECT_ID = 'laomotest'
/** Text only unpublished documents carry: it must appear on no page. */
const UNPUBLISHED = '未发布内容'

const work = mkdtempSync(path.join(tmpdir(), 'laomo-sanitymode-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

async function build(out: string, cache: string, env: Record<string, string>): Promise<string> {
  // Without the content variables of whoever runs the tests: each build sees only its own.
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SANITY_|LAOMO_)/.test(key)))
  const child = spawn(process.execPath, [path.resolve('scripts/bench/astro-build.ts'), path.resolve('.'), out, cache], {
    env: { ...base, LAOMO_EMBED_STUDIO: '0', LAOMO_NOW: NOW, ...env },
  })
  // Asynchronous: the stand-in API answers from this process while the build runs.
  let log = ''
  child.stdout.on('data', (chunk) => (log += chunk))
  child.stderr.on('data', (chunk) => (log += chunk))
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  expect(status, log).toBe(0)
  return log
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

/** Every image URL a page names: <img src/srcset>, <source srcset>. */
function imageUrls(html: string): string[] {
  const urls: string[] = []
  for (const tag of html.match(/<(?:img|source)\b[^>]*>/g) ?? []) {
    for (const [, attr, value] of tag.matchAll(/\b(src|srcset)="([^"]*)"/g)) {
      if (attr === 'src') urls.push(value!)
      else urls.push(...value!.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!))
    }
  }
  return urls
}

/**
 * Builds `archive` in Sanity mode (through the stand-in API) and in dataset mode, checks what the API
 * was asked, and returns the two public outputs. `name` keeps the output folders apart.
 */
async function buildBothWays(name: string, archive: string) {
  // Inside the project: the Node adapter's prerender step resolves packages from the output folder.
  const outApi = path.resolve(`dist-sanitymode-${name}-api`)
  const outDataset = path.resolve(`dist-sanitymode-${name}-dataset`)
  // Dataset mode reads the archive's folder (an extracted .tar.gz would stay in the shared dataset cache).
  const extracted = path.join(work, name, 'export')
  mkdirSync(extracted, { recursive: true })
  await tar.x({ file: archive, cwd: extracted })
  const lake = await startContentLake({ input: archive, projectId: PROJECT_ID })
  try {
    rmSync(outApi, { recursive: true, force: true })
    rmSync(outDataset, { recursive: true, force: true })
    // One after the other: concurrent builds of one project root share its .astro/ folder.
    const log = await build(outApi, path.join(work, name, 'cache-api'), {
      SANITY_PROJECT_ID: PROJECT_ID,
      SANITY_DATASET: lake.dataset,
      SANITY_API_HOST: lake.url,
      LAOMO_ASSET_CACHE: path.join(work, name, 'assets'),
    })
    await build(outDataset, path.join(work, name, 'cache-dataset'), { LAOMO_DATASET: extracted })

    // The API was asked for published content only, and served each image once.
    const queries = lake.requests.filter((r) => r.query)
    expect(queries.length).toBeGreaterThan(5)
    expect(new Set(queries.map((r) => r.perspective))).toEqual(new Set(['published']))
    const downloads = lake.requests.filter((r) => r.path.startsWith('/images/')).map((r) => r.path)
    expect(downloads.length).toBeGreaterThan(0)
    expect(new Set(downloads).size).toBe(downloads.length)
    expect(log).not.toContain('download failed')
    expect(log).toContain(`from Sanity ${PROJECT_ID}/${lake.dataset}`)
    return { api: path.join(outApi, 'client'), dataset: path.join(outDataset, 'client'), host: new URL(lake.url).host }
  } finally {
    await lake.close()
  }
}

const TEXT = /\.(html|ics|json|xml|txt|css|js|svg)$/

/**
 * The whole public output is the same, byte for byte once `normalise`d: pages, feeds, processed images.
 * (Only the server bundle differs: it embeds the content store, which records where content came from.)
 * Every image a Sanity-mode page shows is a file of the output.
 */
function expectSameSite(api: string, dataset: string, host: string, normalise = (text: string) => text) {
  const output = files(api)
  expect(output.map(normalise).sort()).toEqual(files(dataset).map(normalise).sort())
  for (const file of output) {
    // A renamed file is compared by its name, which holds Vite's hash of its content.
    if (normalise(file) !== file) continue
    const [a, b] = [readFileSync(path.join(api, file)), readFileSync(path.join(dataset, file))]
    if (TEXT.test(file)) expect(normalise(a.toString('utf8')), file).toBe(normalise(b.toString('utf8')))
    else expect(a.equals(b), file).toBe(true)
  }
  const pages = output.filter((f) => f.endsWith('.html'))
  const served = new Set(output)
  let images = 0
  for (const page of pages) {
    const html = readFileSync(path.join(api, page), 'utf8')
    expect(html, page).not.toContain(host)
    expect(html, page).not.toContain('cdn.sanity.io')
    for (const url of imageUrls(html)) {
      // Root-relative, and in the output: served by the site itself.
      expect(url, `${page}: ${url}`).toMatch(/^\/[^/]/)
      expect(served.has(decodeURI(url.slice(1))), `${page}: ${url}`).toBe(true)
      images++
    }
  }
  return { pages, images }
}

describe('Sanity mode', () => {
  it('builds the sample from the Content Lake API exactly as from its export', async () => {
    const stamp = { _createdAt: '2026-05-01T08:00:00Z', _updatedAt: '2026-05-20T08:00:00Z' }
    const seed = readNdjson(SEED)
    const worker = seed.find((d) => d._id === 'worker-zhang-hongmei')!
    const talk = seed.find((d) => d._type === 'talk')!
    const documents: Doc[] = [
      ...seed.map((doc, i) => ({ ...doc, ...stamp, _rev: `rev${i}` })),
      { ...worker, _id: `drafts.${worker._id}`, name: `${worker.name}${UNPUBLISHED}` },
      { ...talk, _id: `versions.r1.${talk._id}`, title: `${talk.title}${UNPUBLISHED}` },
      { ...worker, _id: 'drafts.worker-unpublished', name: UNPUBLISHED, slug: { current: 'unpublished' } },
    ]
    const archive = path.join(work, 'sample.tar.gz')
    await writeExportArchive({ documents, baseDir: path.dirname(SEED), out: archive })
    const { api, dataset, host } = await buildBothWays('sample', archive)
    try {
      const { pages, images } = expectSameSite(api, dataset, host)
      expect(pages.length).toBeGreaterThan(250)
      expect(images).toBeGreaterThan(100)
      for (const page of pages) expect(readFileSync(path.join(api, page), 'utf8'), page).not.toContain(UNPUBLISHED)
    } finally {
      rmSync(path.dirname(api), { recursive: true, force: true })
      rmSync(path.dirname(dataset), { recursive: true, force: true })
    }
  })

  it('builds the maximal fixture from the Content Lake API as from its export', async () => {
    const { generateFixtures } = (await import(FIXTURES)) as {
      generateFixtures(outDir: string): Promise<{ maximal: { exportFile: string } }>
    }
    const { maximal } = await generateFixtures(path.join(work, 'fixtures'))
    const { api, dataset, host } = await buildBothWays('maximal', maximal.exportFile)
    try {
      const { images } = expectSameSite(api, dataset, host)
      expect(images).toBeGreaterThan(5)
    } finally {
      rmSync(path.dirname(api), { recursive: true, force: true })
      rmSync(path.dirname(dataset), { recursive: true, force: true })
    }
  })
})
