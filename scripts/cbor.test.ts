/** The decoder against RFC 8949's own examples (Appendix A), and what it must refuse. */
import { describe, expect, it } from 'vitest'
import { decodeCbor } from './cbor.ts'

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'))

describe('decodeCbor', () => {
  it.each([
    ['00', 0],
    ['17', 23],
    ['1818', 24],
    ['1864', 100],
    ['1903e8', 1000],
    ['1a000f4240', 1000000],
    ['1b000000e8d4a51000', 1000000000000],
    ['20', -1],
    ['3863', -100],
    ['3903e7', -1000],
    ['60', ''],
    ['6161', 'a'],
    ['6449455446', 'IETF'],
    ['62225c', '"\\'],
    ['62c3bc', '\u00fc'],
    ['63e6b0b4', '\u6c34'],
    ['f4', false],
    ['f5', true],
    ['f6', null],
    ['80', []],
    ['83010203', [1, 2, 3]],
    ['8301820203820405', [1, [2, 3], [4, 5]]],
    ['98190102030405060708090a0b0c0d0e0f101112131415161718181819', Array.from({ length: 25 }, (_, i) => i + 1)],
    ['826161a161626163', ['a', new Map([['b', 'c']])]],
  ])('%s', (bytes, value) => {
    expect(decodeCbor(hex(bytes))).toEqual(value)
  })

  it('decodes byte strings and maps', () => {
    expect(decodeCbor(hex('4401020304'))).toEqual(Uint8Array.from([1, 2, 3, 4]))
    expect(decodeCbor(hex('a201020304'))).toEqual(
      new Map([
        [1, 2],
        [3, 4],
      ]),
    )
    expect(decodeCbor(hex('a26161016162820203'))).toEqual(
      new Map<unknown, unknown>([
        ['a', 1],
        ['b', [2, 3]],
      ]),
    )
  })

  it.each([
    ['truncated text', '6449455'],
    ['truncated argument', '19e8'],
    ['trailing bytes', '0000'],
    ['an array longer than the input', '9bffffffffffffffff'],
    ['indefinite-length array', '9f01ff'],
    ['a tag', 'c11a514b67b0'],
    ['a float', 'f93c00'],
    ['undefined', 'f7'],
    ['invalid UTF-8 in text', '62c328'],
    ['nothing', ''],
  ])('refuses %s', (_, bytes) => {
    expect(() => decodeCbor(hex(bytes))).toThrow(/CBOR|encoded data was not valid/)
  })
})
