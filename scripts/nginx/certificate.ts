/** A throwaway certificate for the test server name, made with openssl. */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** A self-signed certificate (its own CA) for `names`, valid for two days. */
export function selfSignedCertificate(dir: string, names: string[]): { cert: string; key: string; ca: string } {
  const cert = path.join(dir, 'cert.pem')
  const key = path.join(dir, 'key.pem')
  const run = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${names[0]}`,
      '-addext',
      `subjectAltName=${names.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  )
  if (run.status !== 0) throw new Error(`openssl could not make a test certificate: ${run.stderr || run.error}`)
  return { cert, key, ca: readFileSync(cert, 'utf8') }
}
