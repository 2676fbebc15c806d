import { decodeNativeBytes, type NativeProducer } from '../probes/decode-native-output'
import { decodeBase64, encodeBase64 } from '../util/base64'
import { decodeUtf8, encodeUtf8, unitsToString } from '../wslconfig/utf8'

/** How a blob's text was stored, so the redacted text goes back the same way. */
type TextEncoding = { readonly kind: 'utf16le'; readonly bom: boolean } | { readonly kind: 'utf8'; readonly bom: boolean } | { readonly kind: 'bytes' }

interface DecodedBlob {
  readonly text: string
  readonly encoding: TextEncoding
  /** A byte the text could not hold (odd-length UTF-16), written back after it. */
  readonly tail: readonly number[]
}

/**
 * Reads base64 text the way the app reads it: UTF-16LE when `decodeNativeBytes` reads UTF-16LE for
 * this producer (with or without BOM), else UTF-8 (BOM kept). UTF-8 that does not survive a round
 * trip (a GBK `.wslconfig`) is handled byte for byte as Latin-1, so invalid bytes stay exactly as
 * they were.
 */
export function decodeBlob(base64: string, producer: NativeProducer = { kind: 'unknown' }): DecodedBlob | null {
  const bytes = decodeBase64(base64)
  if (bytes === null) return null
  if (bytes.length === 0) return { text: '', encoding: { kind: 'utf8', bom: false }, tail: [] }
  const bomUtf16 = bytes[0] === 0xff && bytes[1] === 0xfe
  const asUtf8 = decodeUtf8(bytes)
  if (bomUtf16 || decodeNativeBytes(bytes, producer).encoding === 'utf16le') {
    const start = bomUtf16 ? 2 : 0
    const units: number[] = []
    for (let i = start; i + 1 < bytes.length; i += 2) units.push(bytes[i]! | (bytes[i + 1]! << 8))
    const tail = (bytes.length - start) % 2 === 1 ? [bytes[bytes.length - 1]!] : []
    return { text: unitsToString(units), encoding: { kind: 'utf16le', bom: bomUtf16 }, tail }
  }
  const bomUtf8 = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const text = bomUtf8 ? decodeUtf8(bytes, 3) : asUtf8
  const encoded = encodeUtf8(text)
  const lossless = encoded.length === bytes.length - (bomUtf8 ? 3 : 0) && encoded.every((b, i) => b === bytes[i + (bomUtf8 ? 3 : 0)])
  if (lossless) return { text, encoding: { kind: 'utf8', bom: bomUtf8 }, tail: [] }
  return { text: unitsToString(bytes), encoding: { kind: 'bytes' }, tail: [] }
}

/** Writes text back in the encoding it was read in (replacements are ASCII, so Latin-1 is safe). */
export function encodeBlob(blob: DecodedBlob): string {
  const { text, encoding, tail } = blob
  let bytes: number[]
  if (encoding.kind === 'utf16le') {
    bytes = encoding.bom ? [0xff, 0xfe] : []
    for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8)
  } else if (encoding.kind === 'utf8') {
    bytes = [...(encoding.bom ? [0xef, 0xbb, 0xbf] : []), ...encodeUtf8(text)]
  } else {
    bytes = Array.from(text, (c) => c.charCodeAt(0) & 0xff)
  }
  return encodeBase64(Uint8Array.from([...bytes, ...tail]))
}

/** The texts in a blob, for learning names from it. */
export function blobTexts(base64: string, winHttp: boolean, producer: NativeProducer = { kind: 'unknown' }): string[] {
  if (winHttp) {
    const parts = splitWinHttp(base64)
    if (parts) return [parts.proxy, parts.bypass]
  }
  const blob = decodeBlob(base64, producer)
  return blob ? [blob.text] : []
}

/**
 * Base64 text with `redact` applied to what it holds; the same string when nothing changed, so
 * unchanged bytes stay byte-exact. Undecodable base64 becomes empty rather than leak.
 */
export function redactBlob(base64: string, redact: (text: string) => string, producer: NativeProducer = { kind: 'unknown' }): string {
  const blob = decodeBlob(base64, producer)
  if (blob === null) return ''
  const text = redact(blob.text)
  return text === blob.text ? base64 : encodeBlob({ ...blob, text })
}

interface WinHttpParts {
  readonly header: readonly number[]
  readonly proxy: string
  readonly bypass: string
  readonly hasBypass: boolean
  readonly rest: readonly number[]
}

/** The `WinHttpSettings` value split where `decodeWinHttpSettings` reads it (ASCII strings with DWORD lengths). */
function splitWinHttp(base64: string): WinHttpParts | null {
  const bytes = decodeBase64(base64)
  if (bytes === null || bytes.length < 16) return null
  const dword = (at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
  const proxyLength = dword(12)
  if (16 + proxyLength > bytes.length) return null
  const ascii = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length))
  const bypassAt = 16 + proxyLength
  const hasBypass = bypassAt + 4 <= bytes.length
  const bypassLength = hasBypass ? dword(bypassAt) : 0
  if (hasBypass && bypassAt + 4 + bypassLength > bytes.length) return null
  const restAt = hasBypass ? bypassAt + 4 + bypassLength : bypassAt
  return {
    header: [...bytes.subarray(0, 12)],
    proxy: ascii(16, proxyLength),
    bypass: hasBypass ? ascii(bypassAt + 4, bypassLength) : '',
    hasBypass,
    rest: [...bytes.subarray(restAt)],
  }
}

/** The WinHTTP proxy value with its proxy and bypass strings redacted and their lengths rewritten. */
export function redactWinHttpBlob(base64: string, redact: (text: string) => string): string {
  const parts = splitWinHttp(base64)
  if (parts === null) return redactBlob(base64, redact)
  const proxy = redact(parts.proxy)
  const bypass = redact(parts.bypass)
  if (proxy === parts.proxy && bypass === parts.bypass) return base64
  const dword = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]
  const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0xff)
  const bytes = [
    ...parts.header,
    ...dword(proxy.length),
    ...ascii(proxy),
    ...(parts.hasBypass ? [...dword(bypass.length), ...ascii(bypass)] : []),
    ...parts.rest,
  ]
  return encodeBase64(Uint8Array.from(bytes))
}
