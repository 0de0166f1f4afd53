/**
 * Renders the nginx configuration in deploy/nginx/ (a site file, snippets, error pages) for one host: the
 * same files in production and in the deployment tests.
 *
 *   node scripts/nginx-config.ts --server-name laomo.example.org --root /srv/laomo/dist/client \
 *     --certificate /etc/letsencrypt/live/laomo.example.org/fullchain.pem \
 *     --certificate-key /etc/letsencrypt/live/laomo.example.org/privkey.pem [--upstream 127.0.0.1:4321] [--publish-upstream 127.0.0.1:4322] \
 *     [--conf /etc/nginx] [--out <dir, default: --conf>] [--public-origin https://<name>] \
 *     [--https-listen 443] [--http-listen 80] [--acme-root /var/www/html]
 *
 * writes <out>/sites-available/laomo.conf, <out>/snippets/laomo-*.conf and <out>/laomo-errors/*. The
 * Content-Security-Policy comes from the build in --root (its inline-script hashes), as the Node server's
 * does: render again after deploying a new build.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { parsePreviewOrigins } from '../server/config.ts'
import { policiesFor, scanBuild } from '../server/csp.ts'

export const TEMPLATE_DIR = path.resolve(import.meta.dirname, '..', 'deploy', 'nginx')

/** Content-Security-Policy of the public site and of the embedded Studio (server/policy.ts). */
export interface Policies {
  site: string
  studio: string
}

/**
 * The policies the Node server sends for this build (server/csp.ts: its inline-script hashes and map tile
 * origins), so nginx and the server say the same for every file.
 */
export async function policiesOfBuild(staticDir: string): Promise<Policies> {
  return policiesFor(await scanBuild(staticDir, parsePreviewOrigins(process.env)))
}

export interface NginxSite {
  /** server_name: one or more names, space-separated (`laomo.example.org www.laomo.example.org`). */
  serverName: string
  /** The canonical public origin HTTP redirects to; default `https://<first server name>`. */
  publicOrigin?: string
  /** listen address of the HTTPS server: `443` (default) or `127.0.0.1:8443`. */
  httpsListen?: string
  /** listen address of the redirecting HTTP server: `80` (default). */
  httpListen?: string
  /** The build's static files (`<outDir>/client`). */
  root: string
  /** host:port of the Node server (`npm run serve`, HOST=127.0.0.1). */
  upstream?: string
  /** host:port of the publish service (`npm run publish:service`), for Sanity's webhook: `127.0.0.1:4322`. */
  publishUpstream?: string
  certificate: string
  certificateKey: string
  /** Where the snippets and error pages are installed (the rendered files refer to them): `/etc/nginx`. */
  conf?: string
  /** The webroot for Let's Encrypt's HTTP-01 challenges: Debian's default `/var/www/html`, so a certificate can be
   * obtained while Debian's default site still answers on port 80, and renewed through this configuration. */
  acmeRoot?: string
  /** Content-Security-Policy of static answers: the Node server's for the same build (policiesOfBuild). */
  csp: Policies
}

/** A value that ends or opens an nginx directive or block could change the configuration's meaning. */
const UNSAFE = /[;{}"'\\\s#$]|^$/

function placeholders(site: NginxSite): Record<string, string> {
  const firstName = site.serverName.trim().split(/\s+/)[0]!
  const values: Record<string, string> = {
    SERVER_NAME: site.serverName.trim(),
    PUBLIC_ORIGIN: site.publicOrigin ?? `https://${firstName}`,
    HTTPS_LISTEN: site.httpsListen ?? '443',
    HTTP_LISTEN: site.httpListen ?? '80',
    ROOT: path.resolve(site.root),
    UPSTREAM: site.upstream ?? '127.0.0.1:4321',
    PUBLISH_UPSTREAM: site.publishUpstream ?? '127.0.0.1:4322',
    CERTIFICATE: site.certificate,
    CERTIFICATE_KEY: site.certificateKey,
    CONF: (site.conf ?? '/etc/nginx').replace(/\/+$/, ''),
    ACME_ROOT: site.acmeRoot ?? '/var/www/html',
  }
  for (const [name, value] of Object.entries(values)) {
    // server_name is the one value that is a list (of names separated by spaces).
    const parts = name === 'SERVER_NAME' ? value.split(/ +/) : [value]
    if (parts.some((part) => UNSAFE.test(part)))
      throw new Error(`nginx config: ${name} ${JSON.stringify(value)} cannot be written into a directive`)
  }
  if (!/^https:\/\/[^/\s]+$/.test(values.PUBLIC_ORIGIN!))
    throw new Error(`nginx config: PUBLIC_ORIGIN ${JSON.stringify(values.PUBLIC_ORIGIN)} is not https://<host>`)
  // A policy sits inside a double-quoted string and holds single quotes ('self') and semicolons.
  for (const [name, policy] of [
    ['CSP', site.csp.site],
    ['STUDIO_CSP', site.csp.studio],
  ] as const) {
    if (/["\\\n\r$]/.test(policy) || !policy.trim())
      throw new Error(`nginx config: the Content-Security-Policy ${JSON.stringify(policy)} cannot be quoted`)
    values[name] = policy.trim()
  }
  return values
}

/** Fills `{{NAME}}`; an unknown or unfilled placeholder is an error, never left in a config nginx reads. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`nginx config: no value for {{${name}}}`)
    return value
  })
}

function templateFiles(dir = TEMPLATE_DIR, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = path.join(prefix, name)
    return statSync(path.join(dir, name)).isDirectory() ? templateFiles(path.join(dir, name), rel) : [rel]
  })
}

/** Every file of the configuration, rendered: relative path → contents. */
export function renderNginx(site: NginxSite): Map<string, string> {
  const values = placeholders(site)
  return new Map(templateFiles().map((rel) => [rel, fill(readFileSync(path.join(TEMPLATE_DIR, rel), 'utf8'), values)]))
}

/** Writes the rendered configuration under `out` (normally the same directory as `site.conf`). */
export function writeNginx(site: NginxSite, out: string): string[] {
  const written: string[] = []
  for (const [rel, text] of renderNginx(site)) {
    const file = path.join(out, rel)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, text)
    written.push(file)
  }
  return written
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      'server-name': { type: 'string' },
      'public-origin': { type: 'string' },
      'https-listen': { type: 'string' },
      'http-listen': { type: 'string' },
      root: { type: 'string' },
      upstream: { type: 'string' },
      'publish-upstream': { type: 'string' },
      certificate: { type: 'string' },
      'certificate-key': { type: 'string' },
      conf: { type: 'string' },
      'acme-root': { type: 'string' },
      out: { type: 'string' },
    },
  })
  const missing = ['server-name', 'root', 'certificate', 'certificate-key'].filter(
    (name) => !values[name as keyof typeof values],
  )
  if (missing.length > 0) {
    console.error(`missing: ${missing.map((m) => `--${m}`).join(', ')} (see the top of scripts/nginx-config.ts)`)
    process.exit(2)
  }
  const conf = values.conf ?? '/etc/nginx'
  try {
    const written = writeNginx(
      {
        serverName: values['server-name']!,
        publicOrigin: values['public-origin'],
        httpsListen: values['https-listen'],
        httpListen: values['http-listen'],
        root: values.root!,
        upstream: values.upstream,
        publishUpstream: values['publish-upstream'],
        certificate: values.certificate!,
        certificateKey: values['certificate-key']!,
        conf,
        acmeRoot: values['acme-root'],
        csp: await policiesOfBuild(path.resolve(values.root!)),
      },
      values.out ?? conf,
    )
    for (const file of written) console.log(file)
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
