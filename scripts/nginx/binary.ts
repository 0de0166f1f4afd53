/** Where Debian's nginx and its brotli modules are, and whether they are there. */
import { existsSync } from 'node:fs'
import path from 'node:path'

export const MODULES = ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so'].map((m) =>
  path.join('/usr/lib/nginx/modules', m),
)

export function nginxBinary(): string | undefined {
  if (process.env.NGINX_PATH) return process.env.NGINX_PATH
  return ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p))
}

/** Why nginx cannot be started here, or undefined when it can. */
export function nginxMissing(): string | undefined {
  const binary = nginxBinary()
  if (!binary || !existsSync(binary))
    return 'nginx is not installed: apt-get install nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static (.ci/run does this)'
  const absent = MODULES.filter((m) => !existsSync(m))
  if (absent.length > 0)
    return `nginx's brotli modules are missing (${absent.join(', ')}): apt-get install libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static`
  return undefined
}
