import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { problemsOf } from '../config-problems'
import { REPO } from '../config'
import { parsePublishConfig } from './config'

const SECRET = 'a-webhook-secret-of-enough-length'

const problems = (env: NodeJS.ProcessEnv) => problemsOf(parsePublishConfig, env)

describe('publish service configuration', () => {
  it('has defaults for everything but the secret', () => {
    expect(parsePublishConfig({ LAOMO_WEBHOOK_SECRET: SECRET })).toEqual({
      host: '127.0.0.1',
      port: 4322,
      secret: SECRET,
      root: path.join(REPO, 'releases'),
      keep: 5,
      afterSwitch: undefined,
      statusOrigins: ['http://localhost:3333'],
      maxBody: 64 * 1024,
    })
  })

  it('reads the Studio origins as origins, and none when set empty', () => {
    const env = { LAOMO_WEBHOOK_SECRET: SECRET }
    expect(
      parsePublishConfig({ ...env, LAOMO_STUDIO_ORIGINS: ' HTTPS://Studio.Example.org/ ,,http://10.0.0.5:3333' })
        .statusOrigins,
    ).toEqual(['https://studio.example.org', 'http://10.0.0.5:3333'])
    expect(parsePublishConfig({ ...env, LAOMO_STUDIO_ORIGINS: '' }).statusOrigins).toEqual([])
  })

  it('names every bad setting at once', () => {
    const found = problems({
      LAOMO_WEBHOOK_SECRET: 'short',
      LAOMO_RELEASES_DIR: '/elsewhere/releases',
      LAOMO_STUDIO_ORIGINS: 'studio.example.org,ftp://x.example',
      LAOMO_PUBLISH_PORT: '65536',
      LAOMO_KEEP_RELEASES: '0',
    })
    expect(found).toEqual([
      'LAOMO_WEBHOOK_SECRET: set it to the secret of the Sanity webhook (at least 16 characters)',
      `LAOMO_RELEASES_DIR: /elsewhere/releases is outside the repository ${REPO}; builds must sit inside it`,
      expect.stringMatching(/^LAOMO_STUDIO_ORIGINS: "studio.example.org" is not an origin/),
      'LAOMO_STUDIO_ORIGINS: "ftp://x.example" is not an http(s) origin',
      'LAOMO_PUBLISH_PORT: "65536" is not a whole number from 1 to 65535',
      'LAOMO_KEEP_RELEASES: "0" is not a whole number from 1 to 100',
    ])
  })
})
