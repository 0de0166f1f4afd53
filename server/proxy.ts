/**
 * Who sent a request, and to which public origin, when a reverse proxy may stand in between.
 * Forwarded headers are believed only when the TCP peer is a trusted proxy; then the client is the
 * rightmost X-Forwarded-For (or Forwarded `for=`) hop that is not itself a trusted proxy: every hop
 * left of it was written by someone we do not trust.
 */
import { BlockList, isIP } from 'node:net'
import type { IncomingHttpHeaders } from 'node:http'

export interface TrustedProxies {
  has(address: string): boolean
  /** For the start-up log. */
  readonly description: string
}

const LOOPBACK = ['127.0.0.0/8', '::1/128']

/**
 * `LAOMO_TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges, `loopback` (the default: nginx on
 * the same machine) or `none`. Throws on anything else, naming the entry.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value?.trim() ? value : 'loopback')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  const list = new BlockList()
  if (entries.length === 1 && entries[0] === 'none') return { has: () => false, description: 'none' }
  for (const entry of entries.flatMap((e) => (e === 'loopback' ? LOOPBACK : [e]))) {
    const [address = '', prefix, ...rest] = entry.split('/')
    const family = isIP(address)
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix)
    if (!family || rest.length || !/^\d{1,3}$/.test(String(bits)) || bits > (family === 6 ? 128 : 32)) {
      throw new Error(`"${entry}" is not an IP address, a CIDR range (10.0.0.0/8), "loopback" or "none"`)
    }
    list.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4')
  }
  return {
    has(address) {
      const plain = normaliseAddress(address)
      const family = plain ? isIP(plain) : 0
      return family !== 0 && list.check(plain!, family === 6 ? 'ipv6' : 'ipv4')
    },
    description: entries.join(','),
  }
}

/** An IP address as one spelling (IPv4-mapped IPv6 as IPv4, no zone, no brackets or port); null if none. */
export function normaliseAddress(value: string | undefined): string | null {
  let a = value?.trim() ?? ''
  const bracketed = a.match(/^\[([^\]]+)\](?::\d+)?$/)
  if (bracketed) a = bracketed[1]!
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':')) // IPv4 with a port
  a = a.replace(/%.*$/, '')
  const mapped = a.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i)
  if (mapped) a = mapped[1]!
  return isIP(a) ? a.toLowerCase() : null
}

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined

const list = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)

/** RFC 7239 `Forwarded`: one record per hop, left to right, with quotes removed. */
export function parseForwarded(value: string | string[] | undefined): Record<string, string>[] {
  return list(value).map((element) => {
    const record: Record<string, string> = {}
    for (const pair of element.split(';')) {
      const at = pair.indexOf('=')
      if (at < 1) continue
      record[pair.slice(0, at).trim().toLowerCase()] = pair
        .slice(at + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1')
    }
    return record
  })
}

/** The hops a trusted proxy reports, client first: X-Forwarded-For, else Forwarded `for=`, else X-Real-IP. */
function reportedHops(headers: IncomingHttpHeaders): string[] {
  if (headers['x-forwarded-for']) return list(headers['x-forwarded-for'])
  const forwarded = parseForwarded(headers.forwarded).map((r) => r.for ?? '')
  if (forwarded.length) return forwarded
  return list(headers['x-real-ip']).slice(-1)
}

/** The address to key rate limits on. */
export function clientAddress(peer: string | undefined, headers: IncomingHttpHeaders, trusted: TrustedProxies) {
  let address = normaliseAddress(peer) ?? peer ?? 'unknown'
  if (!trusted.has(address)) return address
  const hops = reportedHops(headers)
  for (let i = hops.length - 1; i >= 0; i--) {
    // A hop that is no address (`unknown`, garbage) ends the walk at the proxy that reported it.
    const hop = normaliseAddress(hops[i])
    if (!hop) break
    address = hop
    if (!trusted.has(hop)) break
  }
  return address
}

/**
 * The origin the browser used: from a trusted proxy, X-Forwarded-Proto/-Host (else Forwarded
 * `proto=`/`host=`, else the Host header); from anyone else, this connection's own scheme and Host.
 * Null when the result is not a plain http(s) origin.
 */
export function publicOrigin(
  peer: string | undefined,
  headers: IncomingHttpHeaders,
  trusted: TrustedProxies,
  encrypted: boolean,
): string | null {
  let proto = encrypted ? 'https' : 'http'
  let host = first(headers.host)
  if (trusted.has(peer ?? '')) {
    const forwarded = parseForwarded(headers.forwarded)[0] ?? {}
    proto = (first(headers['x-forwarded-proto']) ?? forwarded.proto ?? proto).toLowerCase()
    host = first(headers['x-forwarded-host']) ?? forwarded.host ?? host
  }
  if ((proto !== 'http' && proto !== 'https') || !host || !/^[\w.:[\]-]+$/.test(host)) return null
  try {
    const url = new URL(`${proto}://${host}`)
    return url.host === host.toLowerCase() || url.host === host.toLowerCase().replace(/:(80|443)$/, '')
      ? url.origin
      : null
  } catch {
    return null
  }
}
