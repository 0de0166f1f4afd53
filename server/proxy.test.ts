import { describe, expect, it } from 'vitest'
import { clientAddress, normaliseAddress, parseForwarded, parseTrustedProxies, publicOrigin } from './proxy'

describe('LAOMO_TRUSTED_PROXIES', () => {
  it('trusts loopback by default, and exactly the addresses and ranges given', () => {
    const loopback = parseTrustedProxies(undefined)
    expect(['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'].every((a) => loopback.has(a))).toBe(true)
    expect(loopback.has('10.0.0.1')).toBe(false)
    expect(parseTrustedProxies('').description).toBe('loopback')

    const given = parseTrustedProxies('10.0.0.0/8, 192.0.2.7, 2001:db8::/32')
    expect(['10.1.2.3', '192.0.2.7', '2001:db8::1', '::ffff:10.9.9.9'].every((a) => given.has(a))).toBe(true)
    expect(['127.0.0.1', '192.0.2.8', '2001:db9::1', 'garbage', ''].some((a) => given.has(a))).toBe(false)

    expect(parseTrustedProxies('none').has('127.0.0.1')).toBe(false)
  })

  it.each(['localhost', '10.0.0.0/33', '::1/129', '1.2.3.4/8/9', '300.1.1.1', 'none,127.0.0.1', '10.0.0.0/x'])(
    'refuses %j, naming it',
    (value) => {
      expect(() => parseTrustedProxies(value)).toThrow(/is not an IP address, a CIDR range/)
    },
  )
})

describe('addresses', () => {
  it('normalises the spellings proxies and sockets use', () => {
    expect(normaliseAddress('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(normaliseAddress('[2001:DB8::1]:443')).toBe('2001:db8::1')
    expect(normaliseAddress('192.0.2.1:5000')).toBe('192.0.2.1')
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1')
    expect(normaliseAddress('unknown')).toBeNull()
    expect(normaliseAddress('_hidden')).toBeNull()
    expect(normaliseAddress(undefined)).toBeNull()
  })

  it('reads RFC 7239 Forwarded', () => {
    expect(parseForwarded('for=192.0.2.60;proto=https;host="laomo.example.org", for="[2001:db8::1]:4711"')).toEqual([
      { for: '192.0.2.60', proto: 'https', host: 'laomo.example.org' },
      { for: '[2001:db8::1]:4711' },
    ])
  })
})

describe('client address', () => {
  const trusted = parseTrustedProxies('127.0.0.1,10.0.0.0/8')

  it('is the socket address when the peer is not a trusted proxy, whatever the headers say', () => {
    expect(clientAddress('203.0.113.5', { 'x-forwarded-for': '1.1.1.1', 'x-real-ip': '2.2.2.2' }, trusted)).toBe(
      '203.0.113.5',
    )
    expect(clientAddress('::ffff:203.0.113.5', {}, trusted)).toBe('203.0.113.5')
  })

  it('is the rightmost hop that is not a trusted proxy', () => {
    // The client wrote 6.6.6.6 itself; nginx appended the address it saw (198.51.100.4).
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 198.51.100.4' }, trusted)).toBe('198.51.100.4')
    // Two proxies of ours: the inner one's address is skipped.
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.0.0.2' }, trusted)).toBe(
      '198.51.100.4',
    )
    // Repeated headers arrive joined.
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': ['6.6.6.6', '198.51.100.4'] }, trusted)).toBe('198.51.100.4')
  })

  it('falls back to Forwarded, then X-Real-IP, then the proxy itself', () => {
    expect(clientAddress('127.0.0.1', { forwarded: 'for=6.6.6.6, for="[2001:db8::7]:80"' }, trusted)).toBe(
      '2001:db8::7',
    )
    expect(clientAddress('127.0.0.1', { 'x-real-ip': '198.51.100.9' }, trusted)).toBe('198.51.100.9')
    expect(clientAddress('127.0.0.1', {}, trusted)).toBe('127.0.0.1')
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': '10.0.0.3' }, trusted)).toBe('10.0.0.3')
  })

  it('stops at a hop that is no address: the proxy that reported it is the key', () => {
    expect(clientAddress('10.0.0.2', { 'x-forwarded-for': '198.51.100.4, unknown' }, trusted)).toBe('10.0.0.2')
    expect(clientAddress('127.0.0.1', { 'x-forwarded-for': 'garbage, 10.0.0.5' }, trusted)).toBe('10.0.0.5')
  })
})

describe('public origin', () => {
  const trusted = parseTrustedProxies('127.0.0.1')
  const forwarded = { host: '127.0.0.1:4321', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'laomo.example.org' }

  it('comes from a trusted proxy’s X-Forwarded-Proto/-Host', () => {
    expect(publicOrigin('127.0.0.1', forwarded, trusted, false)).toBe('https://laomo.example.org')
    expect(
      publicOrigin('127.0.0.1', { ...forwarded, 'x-forwarded-host': 'LAOMO.example.org:8443' }, trusted, false),
    ).toBe('https://laomo.example.org:8443')
    expect(publicOrigin('127.0.0.1', { host: 'laomo.example.org', 'x-forwarded-proto': 'https' }, trusted, false)).toBe(
      'https://laomo.example.org',
    )
    expect(
      publicOrigin(
        '127.0.0.1',
        { host: 'x', forwarded: 'for=1.2.3.4;proto=https;host=laomo.example.org' },
        trusted,
        false,
      ),
    ).toBe('https://laomo.example.org')
  })

  it('ignores forwarded headers from anyone else: the connection’s own scheme and Host', () => {
    expect(publicOrigin('203.0.113.5', forwarded, trusted, false)).toBe('http://127.0.0.1:4321')
    expect(publicOrigin('203.0.113.5', forwarded, trusted, true)).toBe('https://127.0.0.1:4321')
  })

  it('is null when the result is no plain http(s) origin', () => {
    for (const bad of [
      { ...forwarded, 'x-forwarded-proto': 'javascript' },
      { ...forwarded, 'x-forwarded-host': 'evil.example/path' },
      { ...forwarded, 'x-forwarded-host': 'user@evil.example' },
      { 'x-forwarded-proto': 'https' },
    ])
      expect(publicOrigin('127.0.0.1', bad, trusted, false), JSON.stringify(bad)).toBeNull()
  })
})
