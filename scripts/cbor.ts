/**
 * A minimal CBOR decoder (RFC 8949), for Pagefind's meta file only: definite-length unsigned and negative
 * integers, byte and text strings, arrays and maps, false/true/null. Anything else (tags, floats,
 * indefinite lengths) throws: the caller then knows the file is not in the format it expects. A full
 * library (cborg) would be the choice if more than this file ever needs reading.
 */

export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | Map<CborValue, CborValue>

/** Decodes the one CBOR data item that fills `bytes` (trailing bytes are an error). */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const reader = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), at: 0 }
  const value = item(reader)
  if (reader.at !== bytes.length) throw new Error(`CBOR: ${bytes.length - reader.at} byte(s) after the data item`)
  return value
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

interface Reader {
  bytes: Uint8Array
  view: DataView
  at: number
}

function need(r: Reader, n: number): void {
  if (r.at + n > r.bytes.length) throw new Error(`CBOR: truncated at byte ${r.at}`)
}

/** The argument of an initial byte: the value itself below 24, else the 1, 2, 4 or 8 bytes after it. */
function argument(r: Reader, info: number): number {
  if (info < 24) return info
  const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info]
  if (size === undefined) throw new Error(`CBOR: unsupported additional information ${info} at byte ${r.at - 1}`)
  need(r, size)
  const at = r.at
  r.at += size
  if (size === 1) return r.view.getUint8(at)
  if (size === 2) return r.view.getUint16(at)
  if (size === 4) return r.view.getUint32(at)
  const big = r.view.getBigUint64(at)
  if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`CBOR: integer ${big} too large`)
  return Number(big)
}

function item(r: Reader): CborValue {
  need(r, 1)
  const initial = r.view.getUint8(r.at++)
  const major = initial >> 5
  const info = initial & 0x1f
  if (major === 7) {
    const simple = { 20: false, 21: true, 22: null }[info]
    if (simple === undefined) throw new Error(`CBOR: unsupported simple value or float ${info} at byte ${r.at - 1}`)
    return simple
  }
  const n = argument(r, info)
  switch (major) {
    case 0:
      return n
    case 1:
      return -1 - n
    case 2:
    case 3: {
      need(r, n)
      const slice = r.bytes.subarray(r.at, r.at + n)
      r.at += n
      return major === 2 ? slice.slice() : UTF8.decode(slice)
    }
    case 4:
      need(r, n) // every item takes at least one byte: a corrupt length fails here, not in an allocation
      return Array.from({ length: n }, () => item(r))
    case 5: {
      need(r, 2 * n)
      const map = new Map<CborValue, CborValue>()
      for (let i = 0; i < n; i++) map.set(item(r), item(r))
      return map
    }
    default:
      throw new Error(`CBOR: unsupported major type ${major} (a tag) at byte ${r.at - 1}`)
  }
}
