/** The production server behind nginx, both started for a test run. */
import path from 'node:path'
import type { Policies } from '../nginx-config.ts'
import { freePort, startServer, type ServeProcess } from '../serve-process.ts'
import { staticDirOf } from '../static-dir.ts'
import { nginxMissing } from './binary.ts'
import { startNginx, TEST_SERVER_NAME, type NginxProcess } from './process.ts'

/** The build's static files, as nginx serves them. */
export const STATIC_ROOT = staticDirOf(path.resolve(process.env.LAOMO_OUT_DIR || 'dist'))

export interface Stack {
  nginx: NginxProcess
  server: ServeProcess
  /** The environment the server was started with (the one the configuration implies). */
  serverEnv: Record<string, string>
  /** Starts the server again on the same port (after it was stopped or killed). */
  restartServer(): Promise<ServeProcess>
  stop(): Promise<void>
}

/**
 * The production server behind nginx, as deployed: the server on 127.0.0.1 told its public URL and to trust
 * forwarded headers from nginx's address only, nginx serving the build and proxying /api/ to it.
 */
export async function startStack(options: {
  inbox: string
  env?: Record<string, string>
  root?: string
  csp?: Policies
}): Promise<Stack> {
  const missing = nginxMissing()
  if (missing) throw new Error(missing)
  const httpsPort = await freePort()
  const serverEnv = {
    LAOMO_SITE_URL: `https://${TEST_SERVER_NAME}:${httpsPort}`,
    LAOMO_TRUSTED_PROXIES: '127.0.0.1',
    ...options.env,
  }
  const stack = {} as Stack
  stack.serverEnv = serverEnv
  stack.server = await startServer({ inbox: options.inbox, env: serverEnv })
  const port = stack.server.port
  try {
    stack.nginx = await startNginx({
      root: options.root ?? STATIC_ROOT,
      upstreamPort: port,
      httpsPort,
      csp: options.csp,
    })
  } catch (error) {
    await stack.server.stop()
    throw error
  }
  stack.restartServer = async () => {
    await stack.server.stop()
    stack.server = await startServer({ inbox: options.inbox, port, env: serverEnv })
    return stack.server
  }
  stack.stop = async () => {
    await Promise.all([stack.nginx.stop(), stack.server.stop()])
  }
  return stack
}
