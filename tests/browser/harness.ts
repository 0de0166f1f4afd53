/**
 * Browser-test harness: serves the built site on 127.0.0.1 through the production server (its headers,
 * Content-Security-Policy included), or from disk as a plain static host would (`serveStatic`), and
 * drives Debian's Chromium through playwright-core. Every request the page makes is recorded so tests
 * can prove nothing leaves localhost, and every CSP violation is reported as an error.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { staticDirOf } from '../../scripts/static-dir.ts'
import { resolveStatic, TYPES } from '../../scripts/static-files.ts'
import { startServer, type ServeProcess } from '../../scripts/serve-process.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from '../../scripts/chromium.ts'

export const DIST = path.resolve(process.env.LAOMO_OUT_DIR || 'dist')
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser, resolveStatic, staticDirOf }
export const STATIC_DIR = staticDirOf(DIST)

export async function serveStatic(root = STATIC_DIR): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const file = resolveStatic(root, req.url ?? '/')
    if (!file) {
      const notFound = path.join(root, '404.html')
      res.writeHead(404, { 'Content-Type': TYPES['.html']! })
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found')
      return
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, server }
}

export interface RecordedPage {
  page: Page
  /** Every URL the page requested, in order. */
  requests: string[]
  /** Console errors, uncaught page errors and Content-Security-Policy violations. */
  errors: string[]
  /** The Content-Security-Policy header the page came with (null when it had none). */
  csp: string | null
}

export async function openPage(
  browser: Browser,
  url: string,
  options: { javaScript?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<RecordedPage> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    locale: 'zh-CN',
    ...(options.viewport ? { viewport: options.viewport } : {}),
  })
  const page = await context.newPage()
  const requests: string[] = []
  const errors: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  // Injected by the browser itself, so the page's own policy does not apply to it.
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    ),
  )
  const response = await page.goto(url, { waitUntil: 'networkidle' })
  return { page, requests, errors, csp: (await response?.headerValue('content-security-policy')) ?? null }
}

/** Requests that left the site's own origin (data: and blob: URLs are local). */
export function thirdParty(requests: string[], origin: string): string[] {
  return requests.filter((r) => !r.startsWith(origin) && !/^(data|blob|about):/.test(r))
}

/** Registers hooks that start the production server over the build and Chromium for one test file. */
export function useSite(): { readonly origin: string; readonly browser: Browser } {
  const state = {} as { origin: string; browser: Browser; server: ServeProcess }
  beforeAll(async () => {
    const inbox = path.join(await mkdtemp(path.join(tmpdir(), 'laomo-site-')), 'talk-requests.ndjson')
    state.server = await startServer({ inbox })
    state.origin = state.server.origin
    state.browser = await launchBrowser()
  })
  afterAll(async () => {
    await state.browser?.close()
    await state.server?.stop()
  })
  return {
    get origin() {
      return state.origin
    },
    get browser() {
      return state.browser
    },
  }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/**
 * axe-core's violations on the page as it is now, as "rule: selectors" lines: its default rules, or
 * only `rules` (e.g. `target-size`, which axe leaves out by default and Lighthouse runs).
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Evaluated, not added as a <script>: the pages' Content-Security-Policy allows no unknown inline script.
  await page.evaluate(axeSource)
  return page.evaluate(async (only) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] }
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<Result> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'], ...(only ? { runOnly: only } : {}) })
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }, rules)
}
