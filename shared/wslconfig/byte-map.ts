/**
 * The file's text together with where each UTF-16 unit came from in its bytes, so an edit can keep
 * every byte outside the lines it changes (docs/knowledge/wslconfig.md#byte-exact-edits).
 * Decoding is the one WSL's CRT does (decode.ts): UTF-8 BOM dropped, FF FE = UTF-16LE, else UTF-8.
 */
import type { WslConfigEncoding } from './decode'
import { unitsToString } from './utf8'

/** The file's text with its own line ends, and the byte offset of each unit. */
export interface ByteMappedText {
  readonly encoding: WslConfigEncoding
  /** The file's text with its own line ends (one JS char per UTF-16 unit). */
  readonly rawText: string
  /** `starts[i]`: byte offset where the sequence of unit `i` starts; `starts[rawText.length]`: end of the decoded bytes. */
  readonly starts: readonly number[]
  /** `replaced[i]`: unit `i` is a U+FFFD standing for bytes that were not valid UTF-8 (not a real U+FFFD). */
  readonly replaced: readonly boolean[]
}

/** Decodes bytes the way decode.ts does, remembering each unit's byte offset. */
export function mapBytes(bytes: Uint8Array): ByteMappedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return mapUtf16(bytes)
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  return mapUtf8(bytes, bom ? 3 : 0, bom ? 'utf8-bom' : 'utf8')
}

function mapUtf16(bytes: Uint8Array): ByteMappedText {
  const units: number[] = []
  const starts: number[] = []
  let i = 2
  // A trailing odd byte is no unit: it stays after the last one, untouched by any edit.
  for (; i + 1 < bytes.length; i += 2) {
    starts.push(i)
    units.push((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8))
  }
  starts.push(i)
  return { encoding: 'utf16le-bom', rawText: unitsToString(units), starts, replaced: units.map(() => false) }
}

/** Same rules as utf8.ts `decodeUtf8` (maximal subpart → one U+FFFD), with offsets. */
function mapUtf8(bytes: Uint8Array, start: number, encoding: WslConfigEncoding): ByteMappedText {
  const units: number[] = []
  const starts: number[] = []
  const replaced: boolean[] = []
  const push = (unit: number, at: number, bad: boolean): void => {
    units.push(unit)
    starts.push(at)
    replaced.push(bad)
  }
  let i = start
  const end = bytes.length
  while (i < end) {
    const b0 = bytes[i] ?? 0
    if (b0 < 0x80) {
      push(b0, i, false)
      i += 1
      continue
    }
    // Set by every branch below that does not `continue`.
    let need: number
    let cp: number
    let lower = 0x80
    let upper = 0xbf
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      need = 1
      cp = b0 & 0x1f
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2
      cp = b0 & 0x0f
      if (b0 === 0xe0) lower = 0xa0
      if (b0 === 0xed) upper = 0x9f
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3
      cp = b0 & 0x07
      if (b0 === 0xf0) lower = 0x90
      if (b0 === 0xf4) upper = 0x8f
    } else {
      push(0xfffd, i, true)
      i += 1
      continue
    }
    let j = i + 1
    let ok = true
    for (let k = 0; k < need; k++) {
      const b = j < end ? (bytes[j] ?? -1) : -1
      if (b < lower || b > upper) {
        ok = false
        break
      }
      lower = 0x80
      upper = 0xbf
      cp = (cp << 6) | (b & 0x3f)
      j += 1
    }
    if (!ok) push(0xfffd, i, true)
    else if (cp >= 0x10000) {
      const v = cp - 0x10000
      push(0xd800 + (v >> 10), i, false)
      push(0xdc00 + (v & 0x3ff), i, false)
    } else push(cp, i, false)
    i = j
  }
  starts.push(end)
  return { encoding, rawText: unitsToString(units), starts, replaced }
}
