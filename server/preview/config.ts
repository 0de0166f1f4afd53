/**
 * The preview server's settings, read and checked once at start-up (a bad value stops it with a message
 * naming the variable).
 */
import path from 'node:path'
import { ConfigError, parsePreviewOrigins, parseStudioOrigins, REPO } from '../config.ts'

export interface PreviewConfig {
  host: string
  port: number
  /** The secret of /preview/enable; without one, only the Presentation tool's secrets (checked with Sanity). */
  secret?: string
  /** SANITY_PROJECT_ID and SANITY_READ_TOKEN are set: drafts come from Sanity, which checks its secrets. */
  sanity: boolean
  /** Holds the preview's builds. Inside the repository. */
  root: string
  /** Origins (the Studio's) that may show the preview in a frame. */
  frameOrigins: string[]
  /** SANITY_STUDIO_PREVIEW_URL's origin, as the production server reads it (the CSP's sources). */
  previewOrigins: string[]
}

export const MIN_SECRET_LENGTH = 16

export function parsePreviewConfig(env: NodeJS.ProcessEnv): PreviewConfig {
  const problems: string[] = []
  const secret = env.LAOMO_PREVIEW_SECRET?.trim() || undefined
  const sanity = Boolean(env.SANITY_PROJECT_ID && env.SANITY_READ_TOKEN)
  if (secret ? secret.length < MIN_SECRET_LENGTH : !sanity)
    problems.push(
      `LAOMO_PREVIEW_SECRET: set a secret of at least ${MIN_SECRET_LENGTH} characters (or SANITY_PROJECT_ID and SANITY_READ_TOKEN)`,
    )
  const root = path.resolve(REPO, env.LAOMO_PREVIEW_DIR?.trim() || 'previews')
  if (path.relative(REPO, root).startsWith('..')) problems.push(`LAOMO_PREVIEW_DIR: ${root} is outside the repository`)
  const port = Number(env.LAOMO_PREVIEW_PORT?.trim() || 4323)
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    problems.push(`LAOMO_PREVIEW_PORT: "${env.LAOMO_PREVIEW_PORT}" is not a port`)
  const frameOrigins = parseStudioOrigins(env, problems)
  if (problems.length) throw new ConfigError(problems)
  return {
    host: env.LAOMO_PREVIEW_HOST?.trim() || '127.0.0.1',
    port,
    secret,
    sanity,
    root,
    frameOrigins,
    previewOrigins: parsePreviewOrigins(env),
  }
}
