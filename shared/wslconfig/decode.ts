/**
 * Turns the raw bytes of `.wslconfig` into the UTF-16 code units WSL's parser sees.
 *
 * WSL opens the file with `_wfopen(path, L"rt,ccs=UTF-8")` and reads it with `fgetwc`
 * (src/windows/common/WslCoreConfig.cpp, Config::ParseConfigFile). The CRT then:
 * drops a UTF-8 BOM, reads UTF-16LE when the file starts with FF FE, otherwise reads UTF-8
 * (bad sequences become U+FFFD), and in text mode turns each CR LF into LF (a lone CR stays).
 */
import { decodeUtf8, unitsToString } from './utf8'

/** Which encoding the CRT picked; our UI shows it and the editor keeps it. */
export type WslConfigEncoding = 'utf8' | 'utf8-bom' | 'utf16le-bom'

/** Result of reading the file the way WSL does. */
export interface DecodedWslConfig {
  /** What `fgetwc` returns, one JS char per UTF-16 code unit, CR LF already turned into LF. */
  text: string
  /** The same text with the file's own line ends kept (for editing without changing line-end style). */
  rawText: string
  encoding: WslConfigEncoding
  /** True when the file had at least one CR LF pair (so an editor should write CR LF). */
  crlf: boolean
}

/** Decodes `.wslconfig` bytes exactly like WSL's CRT read, keeping the facts our UI needs. */
export function decodeWslConfig(bytes: Uint8Array): DecodedWslConfig {
  let encoding: WslConfigEncoding = 'utf8'
  let rawText: string
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf8-bom'
    rawText = decodeUtf8(bytes, 3)
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf16le-bom'
    const units: number[] = []
    for (let i = 2; i + 1 < bytes.length; i += 2) units.push((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8))
    rawText = unitsToString(units)
  } else {
    rawText = decodeUtf8(bytes)
  }
  const { text, crlf } = crtTextMode(rawText)
  return { text, rawText, encoding, crlf }
}

/** CRT text-mode read: every CR LF pair becomes LF, scanning left to right; a lone CR is kept. */
export function crtTextMode(raw: string): { text: string; crlf: boolean; map: number[] } {
  let text = ''
  const map: number[] = []
  let crlf = false
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) === 0x0d && raw.charCodeAt(i + 1) === 0x0a) {
      crlf = true
      map.push(i)
      text += '\n'
      i += 1
    } else {
      map.push(i)
      text += raw[i]
    }
  }
  map.push(raw.length)
  return { text, crlf, map }
}
