/** The nginx configuration as rendered for production: accepted by nginx -t, and safe from odd values. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderNginx } from '../../scripts/nginx-config'
import { testNginxConfig } from '../../scripts/nginx/main-config'
import { STATIC_ROOT } from '../../scripts/nginx/stack'
import { behindNginx, missing } from './harness'

describe.skipIf(missing)('behind nginx', () => {
  const { deploy } = behindNginx()

  describe('the configuration', () => {
    it('as rendered for production (ports 443/80, two names) is accepted by nginx -t, placeholders all filled', async () => {
      const production = {
        serverName: 'laomo.example.org www.laomo.example.org',
        root: STATIC_ROOT,
        // Real files are needed by nginx -t; any certificate will do.
        certificate: path.join(deploy.stack.nginx.dir, 'cert.pem'),
        certificateKey: path.join(deploy.stack.nginx.dir, 'key.pem'),
        csp: { site: "default-src 'self'; frame-ancestors 'none'", studio: "default-src 'self'" },
      }
      const site = renderNginx(production)
      for (const [file, text] of site) expect(text, file).not.toMatch(/\{\{|\}\}/)
      const conf = site.get('sites-available/laomo.conf')!
      expect(conf).toContain('return 301 https://laomo.example.org$request_uri;')
      expect(conf).toContain('listen 443 ssl http2;')
      expect(conf).toContain('listen 80 default_server;')
      const test = await testNginxConfig(production)
      expect(test.ok, test.output).toBe(true)
      expect(test.output).not.toMatch(/\[warn\]/)
      // The running test instance: the same files with test paths and ports.
      expect(deploy.stack.nginx.errorLog()).not.toMatch(/\[(warn|error|emerg)\]/)
    })

    it('refuses values that would change the meaning of a directive', () => {
      const csp = { site: "default-src 'self'", studio: "default-src 'self'" }
      const base = { serverName: 'laomo.example.org', root: '/srv/x', certificate: '/c', certificateKey: '/k', csp }
      expect(() => renderNginx({ ...base, root: '/srv/x; autoindex on' })).toThrow(/ROOT/)
      expect(() => renderNginx({ ...base, serverName: 'a.org; }' })).toThrow(/SERVER_NAME/)
      expect(() =>
        renderNginx({ ...base, csp: { ...csp, site: `default-src 'self'" always; add_header X "y` } }),
      ).toThrow(/Content-Security-Policy/)
      expect(() => renderNginx({ ...base, publicOrigin: 'http://laomo.example.org' })).toThrow(/PUBLIC_ORIGIN/)
    })
  })
})
