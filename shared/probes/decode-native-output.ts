import { decodeBase64 } from '../util/base64'
import { decodeUtf8 } from '../wslconfig/utf8'

/**
 * Decodes what wsl.exe printed. wsl.exe writes UTF-16LE without BOM when `WSL_UTF8=1` is not
 * honoured (inbox wsl.exe, WSL < 0.64; wsl-networking.md D.2), which shows up as NUL bytes in every
 * other position; anything else is read as UTF-8. Returns null for invalid base64.
 */
export function decodeNativeOutput(base64: string): string | null {
  const bytes = decodeBase64(base64)
  if (bytes === null) return null
  return looksLikeUtf16le(bytes) ? decodeUtf16le(bytes) : decodeUtf8(bytes)
}

function looksLikeUtf16le(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return true
  if (bytes.length < 2) return false
  let zerosAtOdd = 0
  const pairs = Math.floor(bytes.length / 2)
  for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) zerosAtOdd++
  // ASCII-heavy UTF-16LE has a NUL high byte in most pairs; CJK text has fewer, hence the low bar.
  return zerosAtOdd / pairs > 0.3 && bytes.length % 2 === 0
}

function decodeUtf16le(bytes: Uint8Array): string {
  const start = bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0
  let text = ''
  for (let i = start; i + 1 < bytes.length; i += 2) text += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8))
  return text
}
