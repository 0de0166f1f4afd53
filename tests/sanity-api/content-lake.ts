/**
 * A local stand-in for Sanity's Content Lake, small enough to read: it answers the HTTP query API
 * that @sanity/client 8 calls (`GET /v<apiVersion>/data/query/<dataset>?query=…&$param=…`, or POST
 * with `{query, params}` once the URL would pass 11 264 characters) by evaluating GROQ with groq-js,
 * and serves asset files under Sanity's CDN paths (`/images/<projectId>/<dataset>/<sha1>-<w>x<h>.<ext>`).
 *
 * Input is a dataset in Sanity's import/export layout: an NDJSON file (image fields carry
 * `_sanityAsset: "image@file://./images/x.jpg"`), an export folder or an export `.tar.gz`
 * (`<dataset>-export-<stamp>/data.ndjson`, `assets.json`, `images/`, `files/`). Documents are stored
 * as `sanity dataset import` leaves them in a real project: every `_sanityAsset` becomes a
 * `sanity.imageAsset` / `sanity.fileAsset` document and the field a reference to it.
 *
 * Not covered: mutations, listeners, image transformations (files are served as uploaded),
 * `resultSourceMap` (answered with a 400 rather than silently ignored).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { evaluate, parse } from 'groq-js'
import sharp from 'sharp'
import * as tar from 'tar'

export type Doc = { _id: string; _type: string; [key: string]: unknown }

export interface ContentLakeOptions {
  /** NDJSON file, export folder or export `.tar.gz`. */
  input: string
  projectId?: string
  /** Dataset name in URLs; default: the export folder's `<dataset>-export-…` prefix, else `production`. */
  dataset?: string
  /** Default 0: any free port. */
  port?: number
}

export interface LoggedRequest {
  method: string
  path: string
  /** Query requests only: the perspective the request asked for (null when it sent none). */
  perspective?: string | null
  query?: string
  params?: Record<string, unknown>
}

export interface ContentLake {
  /** `http://127.0.0.1:<port>`: what `apiHost` (SANITY_API_HOST) points at. */
  url: string
  projectId: string
  dataset: string
  /** Every stored document, drafts, release versions and asset documents included (the raw perspective). */
  documents: Doc[]
  requests: LoggedRequest[]
  close(): Promise<void>
}

/** Content-derived facts about an image file, as Sanity computes them on upload. */
/** The `metadata` Sanity stores on an image asset (the part the site and an export use). */
export function imageMetadata(image: { width: number; height: number; hasAlpha: boolean }) {
  return {
    _type: 'sanity.imageMetadata',
    dimensions: {
      _type: 'sanity.imageDimensions',
      aspectRatio: image.width / image.height,
      height: image.height,
      width: image.width,
    },
    hasAlpha: image.hasAlpha,
    isOpaque: !image.hasAlpha,
  }
}

export async function describeImage(bytes: Buffer) {
  const meta = await sharp(bytes).metadata()
  return {
    sha1: createHash('sha1').update(bytes).digest('hex'),
    width: meta.width,
    height: meta.height,
    extension: meta.format === 'jpeg' ? 'jpg' : meta.format,
    mimeType: `image/${meta.format === 'svg' ? 'svg+xml' : meta.format}`,
    hasAlpha: Boolean(meta.hasAlpha),
  }
}

const MIME: Record<string, string> = { pdf: 'application/pdf', txt: 'text/plain', json: 'application/json' }

/** The NDJSON file to read and its folder (where assets.json and the asset paths are), an archive extracted. */
async function openInput(input: string): Promise<{ file: string; dir: string; exportName?: string; cleanup(): void }> {
  let root = path.resolve(input)
  let cleanup = () => {}
  if (/\.(tar\.gz|tgz)$/.test(root)) {
    const target = mkdtempSync(path.join(tmpdir(), 'content-lake-'))
    await tar.x({ file: root, cwd: target })
    root = target
    cleanup = () => rmSync(target, { recursive: true, force: true })
  }
  if (!statSync(root).isDirectory()) return { file: root, dir: path.dirname(root), cleanup }
  // An export holds a single folder named `<dataset>-export-<stamp>`.
  const folders = readdirSync(root).filter((name) => statSync(path.join(root, name)).isDirectory())
  const dir = existsSync(path.join(root, 'data.ndjson')) ? root : path.join(root, folders[0] ?? '')
  return { file: path.join(dir, 'data.ndjson'), dir, exportName: path.basename(dir), cleanup }
}

// What @sanity/import does not copy from assets.json onto the uploaded asset (uploadAssets.ts).
const NOT_RESTORED = new Set(['_createdAt', '_id', '_rev', '_type', '_updatedAt', 'sha1hash', 'size', 'uploadId'])

const ASSET_RE = /^(image|file)@file:\/\/(.+)$/

async function loadDataset(
  input: string,
  projectId: string,
  requestedDataset: string | undefined,
  origin: string,
): Promise<{
  dataset: string
  documents: Doc[]
  files: Map<string, { file: string; mimeType: string }>
  cleanup(): void
}> {
  const { file, dir, exportName, cleanup } = await openInput(input)
  try {
    const dataset = requestedDataset ?? exportName?.match(/^(.+)-export-/)?.[1] ?? 'production'
    const assetsJson = path.join(dir, 'assets.json')
    const assetMeta: Record<string, Record<string, unknown>> = existsSync(assetsJson)
      ? JSON.parse(readFileSync(assetsJson, 'utf8'))
      : {}
    const stamp = new Date(statSync(file).mtimeMs).toISOString()
    const assets = new Map<string, Doc>()
    const files = new Map<string, { file: string; mimeType: string }>()

    const createAsset = async (type: string, location: string): Promise<string> => {
      const absolute = decodeURIComponent(location.startsWith('/') ? location : path.resolve(dir, location))
      const bytes = readFileSync(absolute)
      const sha1 = createHash('sha1').update(bytes).digest('hex')
      let doc: Doc
      if (type === 'image') {
        const image = await describeImage(bytes)
        const name = `${sha1}-${image.width}x${image.height}.${image.extension}`
        const assetPath = `images/${projectId}/${dataset}/${name}`
        doc = {
          _id: `image-${sha1}-${image.width}x${image.height}-${image.extension}`,
          _type: 'sanity.imageAsset',
          assetId: sha1,
          extension: image.extension,
          metadata: imageMetadata(image),
          mimeType: image.mimeType,
          path: assetPath,
          url: `${origin}/${assetPath}`,
        }
      } else {
        const extension = path.extname(absolute).slice(1).toLowerCase() || 'bin'
        const assetPath = `files/${projectId}/${dataset}/${sha1}.${extension}`
        doc = {
          _id: `file-${sha1}-${extension}`,
          _type: 'sanity.fileAsset',
          assetId: sha1,
          extension,
          mimeType: MIME[extension] ?? 'application/octet-stream',
          path: assetPath,
          url: `${origin}/${assetPath}`,
        }
      }
      if (!assets.has(doc._id)) {
        // As `sanity dataset import` uploads it: named after the file, then patched with what assets.json restores.
        const restorable = Object.entries(assetMeta[`${type}-${sha1}`] ?? {}).filter(([key]) => !NOT_RESTORED.has(key))
        Object.assign(doc, {
          _createdAt: stamp,
          _updatedAt: stamp,
          _rev: sha1.slice(0, 22),
          originalFilename: path.basename(absolute),
          sha1hash: sha1,
          size: bytes.length,
          ...Object.fromEntries(restorable),
        })
        assets.set(doc._id, doc)
        files.set(`/${doc.path}`, { file: absolute, mimeType: doc.mimeType as string })
      }
      return doc._id
    }

    // `{_sanityAsset: "image@file://…", alt, crop, hotspot}` → `{_type: "image", alt, crop, hotspot, asset: ref}`.
    const convert = async (value: unknown): Promise<unknown> => {
      if (Array.isArray(value)) return Promise.all(value.map(convert))
      if (!value || typeof value !== 'object') return value
      const out: Record<string, unknown> = {}
      for (const [key, v] of Object.entries(value)) if (key !== '_sanityAsset') out[key] = await convert(v)
      const ref = (value as { _sanityAsset?: unknown })._sanityAsset
      if (typeof ref !== 'string') return out
      const match = ASSET_RE.exec(ref)
      if (!match) throw new Error(`content lake: unsupported _sanityAsset "${ref}" (only file:// URLs)`)
      const id = await createAsset(match[1]!, match[2]!)
      return { _type: match[1], ...out, asset: { _type: 'reference', _ref: id } }
    }

    const documents: Doc[] = []
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const doc = (await convert(JSON.parse(line))) as Doc
      // The Content Lake adds these to every document it stores.
      documents.push({
        _createdAt: stamp,
        _updatedAt: stamp,
        _rev: createHash('sha1').update(line).digest('hex').slice(0, 22),
        ...doc,
      })
    }
    // The extracted archive stays until close(): its files are served from there.
    return { dataset, documents: [...documents, ...assets.values()], files, cleanup }
  } catch (error) {
    cleanup()
    throw error
  }
}

function splitId(id: string): { base: string; layer: string } {
  const draft = /^drafts\.(.+)$/.exec(id)
  if (draft) return { base: draft[1]!, layer: 'drafts' }
  const version = /^versions\.([^.]+)\.(.+)$/.exec(id)
  if (version) return { base: version[2]!, layer: version[1]! }
  return { base: id, layer: 'published' }
}

/** The documents a perspective sees: `published`, `raw`, or a stack such as `drafts` or `r1,drafts`. */
export function perspectiveView(documents: Doc[], perspective: string[]): Doc[] {
  if (perspective.includes('raw')) return documents
  const layers = perspective.map((p) => (p === 'previewDrafts' ? 'drafts' : p)).filter((p) => p !== 'published')
  const byBase = new Map<string, Map<string, Doc>>()
  for (const doc of documents) {
    const { base, layer } = splitId(doc._id)
    if (!byBase.has(base)) byBase.set(base, new Map())
    byBase.get(base)!.set(layer, doc)
  }
  const view: Doc[] = []
  for (const [base, versions] of byBase) {
    const layer = [...layers, 'published'].find((name) => versions.has(name))
    if (!layer) continue
    const doc = versions.get(layer)!
    // Overlaid perspectives show every document under its published id and say where it came from.
    view.push(layers.length ? { ...doc, _id: base, _originalId: doc._id } : doc)
  }
  return view
}

const DEFAULT_PUBLISHED_FROM = '2025-02-19'

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

const notFound = (res: ServerResponse, message: string) =>
  send(res, 404, { error: 'Not Found', message, statusCode: 404 })

const badRequest = (res: ServerResponse, description: string) =>
  send(res, 400, { error: { description, type: 'httpBadRequest' } })

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startContentLake(options: ContentLakeOptions): Promise<ContentLake> {
  const projectId = options.projectId ?? 'laomotest'
  const requests: LoggedRequest[] = []
  let state: Awaited<ReturnType<typeof loadDataset>> | undefined

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://content-lake')
    const logged: LoggedRequest = { method: req.method ?? 'GET', path: url.pathname }
    requests.push(logged)
    const { dataset, documents, files } = state!

    const asset = files.get(url.pathname)
    if (asset && req.method === 'GET') {
      // Image transformations (?w=…) are not implemented: the file is served as uploaded.
      const bytes = readFileSync(asset.file)
      res.writeHead(200, {
        'Content-Type': asset.mimeType,
        'Content-Length': bytes.length,
        'X-Sanity-SHA1': createHash('sha1').update(bytes).digest('hex'),
      })
      res.end(bytes)
      return
    }

    const route = /^\/v(\d{4}-\d{2}-\d{2}|1|X)\/data\/query\/([^/]+)$/.exec(url.pathname)
    if (!route || !['GET', 'POST'].includes(req.method ?? '')) return notFound(res, `No route for ${url.pathname}`)
    const [, apiVersion, requested] = route
    const project = req.headers['x-sanity-project-id']
    if (project && project !== projectId) return notFound(res, `Project "${project}" not found`)
    if (requested !== dataset) return notFound(res, `Dataset "${requested}" not found for project ID "${projectId}"`)

    let query: string | null
    const params: Record<string, unknown> = {}
    try {
      if (req.method === 'POST') {
        const body = JSON.parse(await readBody(req)) as { query?: string; params?: Record<string, unknown> }
        query = body.query ?? null
        Object.assign(params, body.params)
      } else {
        query = url.searchParams.get('query')
        for (const [key, value] of url.searchParams) if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value)
      }
    } catch (error) {
      return badRequest(res, `Invalid JSON: ${(error as Error).message}`)
    }
    if (!query) return badRequest(res, 'Missing query')
    if (url.searchParams.has('resultSourceMap')) return badRequest(res, 'resultSourceMap is not supported here')
    Object.assign(logged, { query, params })
    logged.perspective = url.searchParams.get('perspective')
    // Since API version 2025-02-19 the default perspective is `published`; before it, `raw`.
    const perspective = (logged.perspective ?? (apiVersion! >= DEFAULT_PUBLISHED_FROM ? 'published' : 'raw')).split(',')
    if (perspective.length > 1 && perspective.includes('raw')) return badRequest(res, 'raw cannot be combined')

    const started = performance.now()
    let tree
    try {
      tree = parse(query, { params })
    } catch (error) {
      const { message, position } = error as { message: string; position?: number }
      if (position === undefined) return badRequest(res, message)
      return send(res, 400, {
        error: { description: message, end: position + 1, query, start: position, type: 'queryParseError' },
      })
    }
    const view = perspectiveView(documents, perspective)
    const byId = new Map(view.map((doc) => [doc._id, doc]))
    const result = await (
      await evaluate(tree, { dataset: view, params, dereference: ({ _ref }) => byId.get(_ref) })
    ).get()
    const ms = Math.round(performance.now() - started)
    send(res, 200, url.searchParams.get('returnQuery') === 'false' ? { result, ms } : { query, result, ms })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, { error: { description: error.message } }))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    state = await loadDataset(options.input, projectId, options.dataset, url)
  } catch (error) {
    server.close()
    throw error
  }
  return {
    url,
    projectId,
    dataset: state.dataset,
    documents: state.documents,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          state!.cleanup()
          resolve()
        })
      }),
  }
}
