import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { problemsOf } from '../config-problems'
import { REPO } from '../config'
import { parsePreviewConfig } from './config'

const SECRET = 'a-preview-secret-of-enough-length'

const problems = (env: NodeJS.ProcessEnv) => problemsOf(parsePreviewConfig, env)

describe('preview server configuration', () => {
  it('has defaults for everything but the secret', () => {
    expect(parsePreviewConfig({ LAOMO_PREVIEW_SECRET: SECRET })).toEqual({
      host: '127.0.0.1',
      port: 4323,
      secret: SECRET,
      sanity: false,
      root: path.join(REPO, 'previews'),
      frameOrigins: ['http://localhost:3333'],
      previewOrigins: ['http://localhost:4323'],
    })
  })

  it('reads every setting', () => {
    const config = parsePreviewConfig({
      LAOMO_PREVIEW_SECRET: ` ${SECRET} `,
      LAOMO_PREVIEW_HOST: '0.0.0.0',
      LAOMO_PREVIEW_PORT: '8443',
      LAOMO_PREVIEW_DIR: 'tmp/previews',
      LAOMO_STUDIO_ORIGINS: 'https://studio.example.org/, https://laomo.sanity.studio',
      SANITY_STUDIO_PREVIEW_URL: 'https://preview.example.org/path',
    })
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8443,
      secret: SECRET,
      root: path.join(REPO, 'tmp', 'previews'),
      frameOrigins: ['https://studio.example.org', 'https://laomo.sanity.studio'],
      previewOrigins: ['https://preview.example.org'],
    })
  })

  it("takes Sanity's Presentation secrets instead of its own", () => {
    const config = parsePreviewConfig({ SANITY_PROJECT_ID: 'abc123', SANITY_READ_TOKEN: 'token' })
    expect([config.sanity, config.secret]).toEqual([true, undefined])
    // A short secret is refused even with Sanity: it would still open the preview.
    expect(
      problems({ SANITY_PROJECT_ID: 'abc123', SANITY_READ_TOKEN: 'token', LAOMO_PREVIEW_SECRET: 'short' }),
    ).toEqual([expect.stringMatching(/^LAOMO_PREVIEW_SECRET: set a secret of at least 16 characters/)])
  })

  it('names every bad setting at once', () => {
    const found = problems({
      LAOMO_PREVIEW_PORT: '70000',
      LAOMO_PREVIEW_DIR: '../elsewhere',
      LAOMO_STUDIO_ORIGINS: 'studio.example.org,https://ok.example,https://x.example/studio',
    })
    expect(found.map((p) => p.split(':')[0])).toEqual([
      'LAOMO_PREVIEW_SECRET',
      'LAOMO_PREVIEW_DIR',
      'LAOMO_PREVIEW_PORT',
      'LAOMO_STUDIO_ORIGINS',
      'LAOMO_STUDIO_ORIGINS',
    ])
    expect(found[1]).toBe(`LAOMO_PREVIEW_DIR: ${path.resolve(REPO, '../elsewhere')} is outside the repository`)
    expect(found[2]).toBe('LAOMO_PREVIEW_PORT: "70000" is not a port')
    expect(found[3]).toContain('"studio.example.org" is not an origin')
    expect(found[4]).toContain('leave out the path, e.g. https://x.example')
  })

  it('refuses a port that is no whole number', () => {
    for (const port of ['0', '4323.5', 'http', '-1'])
      expect(problems({ LAOMO_PREVIEW_SECRET: SECRET, LAOMO_PREVIEW_PORT: port }), port).toEqual([
        `LAOMO_PREVIEW_PORT: "${port}" is not a port`,
      ])
  })
})
