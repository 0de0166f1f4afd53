/**
 * The preview server (`npm run preview:drafts`): the same pages as the public site, built from the drafts
 * perspective (a draft in place of its published document, a never-published document with its own page),
 * for editors only. Each request for a page first checks whether the content changed since the last
 * preview build; if it did, the page is answered once a new build (content-only, the cache kept) has
 * finished, so an editor sees their latest save. Every answer is `private, no-store` and `noindex`, and
 * may be framed only by the Studio (Presentation).
 *
 * Environment (checked at start-up):
 *   LAOMO_PREVIEW_SECRET   —           the secret for /preview/enable?secret=…&redirect=/path (≥ 16 characters;
 *                                      optional when SANITY_PROJECT_ID and SANITY_READ_TOKEN are set: then the
 *                                      Presentation tool's per-session secrets are checked with Sanity)
 *   LAOMO_PREVIEW_HOST     127.0.0.1
 *   LAOMO_PREVIEW_PORT     4323
 *   LAOMO_PREVIEW_DIR      previews    its builds (inside the repository)
 *   LAOMO_STUDIO_ORIGINS   http://localhost:3333   origins that may frame the preview (Presentation)
 * The builds read the content settings of `npm run build` (SANITY_*, LAOMO_DATASET, …).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import { API_VERSION } from '#domain/sanity'
import { ConfigError, REPO } from '../config.ts'
import { policiesFor, scanBuild } from '../csp.ts'
import { buildRelease } from '../publish/build.ts'
import { createBuildQueue } from '../publish/queue.ts'
import { openReleases } from '../publish/releases.ts'
import { serveStatic } from '../static.ts'
import { COOKIE, createAccess } from './access.ts'
import { parsePreviewConfig, type PreviewConfig } from './config.ts'
import { contentVersion } from './version.ts'

const PRIVATE = 'private, no-store'
const STALE_CHECK_MS = 1_000

let settings: PreviewConfig
try {
  settings = parsePreviewConfig(process.env)
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(`laomo preview: ${error.message}`)
  process.exit(1)
}

const client = settings.sanity
  ? (await import('@sanity/client')).createClient({
      projectId: process.env.SANITY_PROJECT_ID!,
      dataset: process.env.SANITY_DATASET || 'production',
      apiVersion: API_VERSION,
      useCdn: false,
      token: process.env.SANITY_READ_TOKEN,
      perspective: 'drafts',
    })
  : undefined
const access = createAccess({ secret: settings.secret, client })
const releases = openReleases(settings.root)
releases.prune(0)
const buildEnv = {
  ...process.env,
  LAOMO_PERSPECTIVE: 'drafts',
  LAOMO_EMBED_STUDIO: '0',
  LAOMO_CACHE_DIR: path.join(settings.root, 'cache'),
}

/** The content version each build was made from; the one being built. */
let builtVersion: string | null = null
let lastError: string | null = null
let policy = ''
const queue = createBuildQueue<string>(async (versions) => {
  const version = versions.at(-1)!
  const { id, dir } = releases.create()
  const started = new Date().toISOString()
  const result = await buildRelease(REPO, dir, buildEnv)
  if (!result.ok) {
    lastError = result.reason ?? 'build failed'
    console.error(`laomo preview: build failed:\n${lastError}`)
    releases.prune(1)
    return
  }
  await releases.seal({
    id,
    startedAt: started,
    finishedAt: new Date().toISOString(),
    documents: [],
    pages: 0,
    warnings: result.warnings,
  })
  releases.switchTo(id)
  releases.prune(1)
  const sources = await scanBuild(path.join(dir, 'client'), settings.previewOrigins)
  // The Studio's Presentation tool shows the preview in a frame; nothing else may.
  policy = policiesFor(sources).site.replace(
    /frame-ancestors [^;]*/,
    `frame-ancestors 'self' ${settings.frameOrigins.join(' ')}`,
  )
  builtVersion = version
  lastError = null
  console.log(`laomo preview: built ${id} (${result.warnings.length} warning(s))`)
})

let checkedAt = 0
/** Builds again when the content changed since the last build; resolves once the preview is current. */
async function current(): Promise<void> {
  if (Date.now() - checkedAt > STALE_CHECK_MS || builtVersion === null) {
    checkedAt = Date.now()
    const version = await contentVersion(client)
    if (version !== builtVersion) queue.add(version)
  }
  await queue.idle()
}

function answer(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': PRIVATE,
    'X-Robots-Tag': 'noindex, nofollow',
    ...headers,
  })
  res.end(
    `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="robots" content="noindex"><title>预览</title><p>${text}</p></html>`,
  )
}

async function onRequest(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return answer(res, 405, '不支持此请求方法。', { Allow: 'GET, HEAD' })
  if (url.pathname === '/preview/enable') {
    const grant = await access.enable(url)
    if (!grant.ok) return answer(res, 401, '预览链接无效或已过期：请从内容管理后台重新打开预览。')
    // Behind TLS the cookie also goes to a Studio on another site (Presentation's frame): SameSite=None.
    const https = req.headers['x-forwarded-proto'] === 'https'
    res.writeHead(303, {
      Location: grant.redirectTo,
      'Set-Cookie': `${COOKIE}=${access.token}; Path=/; HttpOnly; ${https ? 'SameSite=None; Secure' : 'SameSite=Lax'}`,
      'Cache-Control': PRIVATE,
    })
    return res.end()
  }
  if (url.pathname === '/preview/disable') {
    res.writeHead(303, { Location: '/', 'Set-Cookie': `${COOKIE}=; Path=/; Max-Age=0`, 'Cache-Control': PRIVATE })
    return res.end()
  }
  if (!access.allowed(req)) return answer(res, 401, '需要预览权限：请从内容管理后台打开预览。')
  await current()
  const live = releases.current()
  if (!live) return answer(res, 503, `预览尚未生成：${lastError ?? '正在构建，请稍候刷新。'}`)
  res.setHeader('X-Robots-Tag', 'noindex, nofollow')
  if (policy) res.setHeader('Content-Security-Policy', policy)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  if (lastError) res.setHeader('X-Laomo-Preview-Error', encodeURIComponent(lastError.split('\n')[0]!))
  await serveStatic(path.join(releases.dirOf(live), 'client'), req, res, url.pathname, { cacheControl: PRIVATE })
}

const server = createServer({ headersTimeout: 5_000, requestTimeout: 10_000 }, (req, res) => {
  onRequest(req, res).catch((error) => {
    console.error(`laomo preview: ${req.method} ${req.url} failed:`, error)
    if (!res.headersSent) answer(res, 500, '预览出错，请稍后再试。')
    else res.destroy()
  })
})
server.listen(settings.port, settings.host, () => {
  console.log(`laomo preview: listening on http://${settings.host}:${settings.port}; builds in ${settings.root}`)
  // The first build starts now, not with the first editor.
  void current()
})
const stop = () => server.close(() => process.exit(0))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
