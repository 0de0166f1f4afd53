/** nginx's main configuration for a throwaway instance, and `nginx -t` on the repo's site configuration. */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { writeNginx, type NginxSite } from '../nginx-config.ts'
import { MODULES, nginxBinary } from './binary.ts'

/** Debian's /etc/nginx/nginx.conf with every writable path in `dir`, and the brotli modules loaded by path. */
export function mainConfig(dir: string, site: string): string {
  const root = process.getuid?.() === 0
  return [
    `# Written by scripts/nginx/main-config.ts: Debian's nginx.conf, every path in this folder.`,
    // Workers as root read the build and the temp folder wherever they are; only a test does this.
    root ? 'user root;' : '',
    'worker_processes 2;',
    'worker_rlimit_nofile 16384;',
    ...MODULES.map((m) => `load_module ${m};`),
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 4096; }',
    'http {',
    '    sendfile on;',
    '    tcp_nopush on;',
    '    types_hash_max_size 2048;',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    // Debian's own http-level defaults, which the site's TLS snippet must override.
    '    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;',
    '    ssl_prefer_server_ciphers on;',
    '    gzip on;',
    `    access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${dir}/temp/${t};`),
    `    include ${site};`,
    '}',
    '',
  ].join('\n')
}

/**
 * `nginx -t` on a configuration rendered for `site` (production-shaped values welcome: ports are not bound),
 * written with its snippets into a temporary folder; `site.conf` is set to that folder.
 */
export async function testNginxConfig(site: Omit<NginxSite, 'conf'>): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'laomo-nginx-t-'))
  try {
    for (const t of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
      mkdirSync(path.join(dir, 'temp', t), { recursive: true })
    const conf = path.join(dir, 'conf')
    writeNginx({ ...site, conf }, conf)
    writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir, path.join(conf, 'sites-available', 'laomo.conf')))
    const run = spawnSync(
      nginxBinary()!,
      [
        '-t',
        '-p',
        dir,
        '-c',
        path.join(dir, 'nginx.conf'),
        '-e',
        path.join(dir, 'error.log'),
        '-g',
        `pid ${dir}/nginx.pid;`,
      ],
      { encoding: 'utf8' },
    )
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
