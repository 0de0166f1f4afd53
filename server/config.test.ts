import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { problemsOf } from './config-problems'
import { parseConfig, parseOrigin, parseOrigins, parsePreviewOrigins } from './config'

// A stand-in build: the config only checks that the server entry exists.
const outDir = mkdtempSync(path.join(tmpdir(), 'laomo-config-'))
mkdirSync(path.join(outDir, 'server'))
writeFileSync(path.join(outDir, 'server', 'entry.mjs'), '')

const problems = (env: NodeJS.ProcessEnv) => problemsOf(parseConfig, { LAOMO_OUT_DIR: outDir, ...env })

describe('server configuration', () => {
  it('has defaults for everything', () => {
    const config = parseConfig({ LAOMO_OUT_DIR: outDir })
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 4321,
      outDir,
      allowedOrigins: [],
      acceptedLimit: { max: 60, windowMs: 3_600_000 },
      attemptLimit: { max: 300, windowMs: 600_000 },
      lookupLimit: { max: 30, windowMs: 600_000 },
    })
    expect(config.trustedProxies.description).toBe('loopback')
    expect(config.previewOrigins).toEqual(['http://localhost:4323'])
  })

  it('allows the site URL and the listed origins, as origins', () => {
    const config = parseConfig({
      LAOMO_OUT_DIR: outDir,
      LAOMO_SITE_URL: 'https://laomo.example.org/',
      LAOMO_ALLOWED_ORIGINS: ' https://www.laomo.example.org , http://10.0.0.5:8080,https://laomo.example.org',
      LAOMO_RATE_LIMIT: '20/600',
      LAOMO_ATTEMPT_LIMIT: '100/60',
      LAOMO_LOOKUP_LIMIT: '5/60',
      LAOMO_TRUSTED_PROXIES: '10.0.0.0/8',
      PORT: '8080',
      HOST: '0.0.0.0',
    })
    expect(config.allowedOrigins).toEqual([
      'https://laomo.example.org',
      'https://www.laomo.example.org',
      'http://10.0.0.5:8080',
    ])
    expect(config.acceptedLimit).toEqual({ max: 20, windowMs: 600_000 })
    expect(config.attemptLimit).toEqual({ max: 100, windowMs: 60_000 })
    expect(config.lookupLimit).toEqual({ max: 5, windowMs: 60_000 })
    expect(config.trustedProxies.has('10.2.3.4')).toBe(true)
    expect(config.trustedProxies.has('127.0.0.1')).toBe(false)
    expect([config.host, config.port]).toEqual(['0.0.0.0', 8080])
  })

  it('names every bad setting at once', () => {
    const found = problems({
      LAOMO_SITE_URL: 'laomo.example.org',
      LAOMO_ALLOWED_ORIGINS: 'https://ok.example,www.laomo.example.org,ftp://x.example,https://x.example/path',
      LAOMO_RATE_LIMIT: 'abc',
      LAOMO_ATTEMPT_LIMIT: '0/60',
      LAOMO_TRUSTED_PROXIES: 'my-proxy',
      PORT: 'http',
    })
    expect(found.map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'LAOMO_SITE_URL',
      'LAOMO_ALLOWED_ORIGINS',
      'LAOMO_ALLOWED_ORIGINS',
      'LAOMO_ALLOWED_ORIGINS',
      'LAOMO_TRUSTED_PROXIES',
      'LAOMO_RATE_LIMIT',
      'LAOMO_ATTEMPT_LIMIT',
    ])
    expect(found.join('\n')).toContain('"laomo.example.org" is not an origin: write it with its scheme')
    expect(found.join('\n')).toContain('leave out the path, e.g. https://x.example')
  })

  it('refuses a missing build', () => {
    expect(problems({ LAOMO_OUT_DIR: path.join(outDir, 'nothing') })).toEqual([
      expect.stringMatching(/^LAOMO_OUT_DIR: .*entry\.mjs is missing: run `npm run build` first$/),
    ])
  })

  it('reads an origin as a browser sends it', () => {
    expect(parseOrigin('HTTPS://Laomo.Example.org:443')).toBe('https://laomo.example.org')
    expect(() => parseOrigin('https://x.example?a=1')).toThrow(/more than an origin/)
    expect(() => parseOrigin('https://user@x.example')).toThrow(/more than an origin/)
  })
  it('reads a list of origins, naming the variable for each bad one', () => {
    const found: string[] = []
    expect(
      parseOrigins('X_ORIGINS', ' https://a.example/ ,, bad ,http://b.example:8080,https://c.example/x', found),
    ).toEqual(['https://a.example', 'http://b.example:8080'])
    expect(found).toEqual([
      expect.stringMatching(/^X_ORIGINS: "bad" is not an origin/),
      expect.stringMatching(/^X_ORIGINS: "https:\/\/c.example\/x" is more than an origin/),
    ])
  })

  it("takes the preview server's origin from the Studio's setting", () => {
    expect(parsePreviewOrigins({})).toEqual(['http://localhost:4323'])
    expect(parsePreviewOrigins({ SANITY_STUDIO_PREVIEW_URL: 'https://preview.example.org/x?y' })).toEqual([
      'https://preview.example.org',
    ])
    expect(parsePreviewOrigins({ SANITY_STUDIO_PREVIEW_URL: 'not a url' })).toEqual([])
  })
})
