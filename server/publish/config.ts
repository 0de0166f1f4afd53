/**
 * The publish service's settings, read and checked once at start-up (a bad value stops it with a message
 * naming the variable).
 */
import path from 'node:path'
import { ConfigError, parseStudioOrigins, REPO } from '../config.ts'

export interface PublishConfig {
  host: string
  port: number
  /** Shared with Sanity's webhook settings; signs every delivery. */
  secret: string
  /** Holds releases/ and the `current` link the site server serves. Inside the repository. */
  root: string
  /** Sealed releases kept besides the live one. */
  keep: number
  afterSwitch?: string
  /** Origins (the Studio's) allowed to read the status from a browser. */
  statusOrigins: string[]
  /** Largest delivery body accepted, in bytes. */
  maxBody: number
}

export const MIN_SECRET_LENGTH = 16

export function parsePublishConfig(env: NodeJS.ProcessEnv): PublishConfig {
  const problems: string[] = []
  const int = (name: string, fallback: number, max: number) => {
    const value = env[name]?.trim() || String(fallback)
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
      problems.push(`${name}: "${env[name]}" is not a whole number from 1 to ${max}`)
      return fallback
    }
    return Number(value)
  }
  const secret = env.LAOMO_WEBHOOK_SECRET?.trim() ?? ''
  if (secret.length < MIN_SECRET_LENGTH)
    problems.push(
      `LAOMO_WEBHOOK_SECRET: set it to the secret of the Sanity webhook (at least ${MIN_SECRET_LENGTH} characters)`,
    )
  const root = path.resolve(REPO, env.LAOMO_RELEASES_DIR?.trim() || 'releases')
  // The built server bundle finds its packages in the repository's node_modules, so releases live inside it.
  if (path.relative(REPO, root).startsWith('..'))
    problems.push(`LAOMO_RELEASES_DIR: ${root} is outside the repository ${REPO}; builds must sit inside it`)
  const statusOrigins = parseStudioOrigins(env, problems)

  const config: PublishConfig = {
    host: env.LAOMO_PUBLISH_HOST?.trim() || '127.0.0.1',
    port: int('LAOMO_PUBLISH_PORT', 4322, 65535),
    secret,
    root,
    keep: int('LAOMO_KEEP_RELEASES', 5, 100),
    afterSwitch: env.LAOMO_AFTER_SWITCH?.trim() || undefined,
    statusOrigins,
    maxBody: 64 * 1024,
  }
  if (problems.length) throw new ConfigError(problems)
  return config
}
