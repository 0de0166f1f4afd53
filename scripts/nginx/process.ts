/**
 * Starts Debian's nginx with the repo's configuration (deploy/nginx/, rendered by nginx-config.ts) in front of
 * a Node server on 127.0.0.1, with a throwaway self-signed certificate, everything in a temporary folder:
 * for the deployment tests (tests/deploy/) and the reliability suite.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { connect as tlsConnect } from 'node:tls'
import { policiesOfBuild, writeNginx, type Policies } from '../nginx-config.ts'
import { freePort } from '../serve-process.ts'
import { nginxBinary, nginxMissing } from './binary.ts'
import { selfSignedCertificate } from './certificate.ts'
import { mainConfig } from './main-config.ts'

/** The name the tests serve the site under (RFC 6761 reserves .test; resolved to 127.0.0.1 by the clients). */
export const TEST_SERVER_NAME = 'laomo.test'

export interface NginxProcess {
  /** The public origin: https://laomo.test:<port>. */
  origin: string
  serverName: string
  httpsPort: number
  httpPort: number
  /** The throwaway certificate (PEM), to trust in clients. */
  ca: string
  dir: string
  /** The rendered site file, as nginx read it. */
  siteFile: string
  child: ChildProcess
  output: string[]
  errorLog(): string
  stop(): Promise<void>
}

export interface NginxOptions {
  /** The build's static files (<outDir>/client). */
  root: string
  /** Port of the Node server on 127.0.0.1. */
  upstreamPort: number
  /** Default: the Node server's policies for this build. */
  csp?: Policies
  serverName?: string
  /** Chosen free on 127.0.0.1 when not given. */
  httpsPort?: number
  httpPort?: number
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGTERM')
})

export async function startNginx(options: NginxOptions): Promise<NginxProcess> {
  const missing = nginxMissing()
  if (missing) throw new Error(missing)
  const serverName = options.serverName ?? TEST_SERVER_NAME
  const dir = await mkdtemp(path.join(tmpdir(), 'laomo-nginx-'))
  for (const t of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(path.join(dir, 'temp', t), { recursive: true })
  const { cert, key, ca } = selfSignedCertificate(dir, [serverName])
  const httpsPort = options.httpsPort ?? (await freePort())
  const httpPort = options.httpPort ?? (await freePort())
  const origin = `https://${serverName}:${httpsPort}`
  const conf = path.join(dir, 'conf')
  writeNginx(
    {
      serverName,
      publicOrigin: origin,
      httpsListen: `127.0.0.1:${httpsPort}`,
      httpListen: `127.0.0.1:${httpPort}`,
      root: options.root,
      upstream: `127.0.0.1:${options.upstreamPort}`,
      certificate: cert,
      certificateKey: key,
      conf,
      acmeRoot: path.join(dir, 'acme'),
      csp: options.csp ?? (await policiesOfBuild(options.root)),
    },
    conf,
  )
  const siteFile = path.join(conf, 'sites-available', 'laomo.conf')
  const main = path.join(dir, 'nginx.conf')
  writeFileSync(main, mainConfig(dir, siteFile))
  const binary = nginxBinary()!
  const args = ['-p', dir, '-c', main, '-e', path.join(dir, 'error.log')]
  const pid = `pid ${path.join(dir, 'nginx.pid')};`
  const test = spawnSync(binary, [...args, '-t', '-g', pid], { encoding: 'utf8' })
  if (test.status !== 0) {
    await rm(dir, { recursive: true, force: true })
    throw new Error(`nginx -t refused the configuration:\n${test.stderr}`)
  }

  const output: string[] = []
  const child = spawn(binary, [...args, '-g', `daemon off; ${pid}`], { stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.stdout!.on('data', (d) => output.push(String(d)))
  child.stderr!.on('data', (d) => output.push(String(d)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const errorLog = () => {
    try {
      return readFileSync(path.join(dir, 'error.log'), 'utf8')
    } catch {
      return ''
    }
  }

  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) {
      running.delete(child)
      throw new Error(`nginx exited early:\n${output.join('')}${errorLog()}`)
    }
    const up = await new Promise<boolean>((resolve) => {
      const socket = tlsConnect({ host: '127.0.0.1', port: httpsPort, servername: serverName, ca }, () => {
        socket.end()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (up) break
    if (Date.now() > deadline) {
      child.kill('SIGTERM')
      throw new Error(`nginx did not accept TLS connections within 10 s:\n${output.join('')}${errorLog()}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }

  return {
    origin,
    serverName,
    httpsPort,
    httpPort,
    ca,
    dir,
    siteFile,
    child,
    output,
    errorLog,
    async stop() {
      // SIGTERM: nginx's fast shutdown, workers included (a SIGKILLed master would leave them running).
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
      running.delete(child)
      await rm(dir, { recursive: true, force: true })
    },
  }
}
