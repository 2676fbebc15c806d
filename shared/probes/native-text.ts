import { decodeUtf8, unitsToString } from '../wslconfig/utf8'

/**
 * Strict and lenient readings of raw program output as one encoding. Kept apart from the choice of
 * encoding (`decode-native-output.ts`) so each check can be tested on its own.
 *
 * "Valid" means the bytes are well formed in that encoding AND the text looks like program output:
 * at most 2% of the code points are controls other than TAB/CR/LF/ESC, unassigned, private use or
 * noncharacters (U+FFFD counts too). That is what tells UTF-16LE ASCII (a NUL in every other
 * byte) from UTF-8, and what makes random bytes fail both readings.
 */
export interface Reading {
  readonly text: string
  readonly wellFormed: boolean
  /** Code points no program prints on purpose (see above). */
  readonly bad: number
  readonly length: number
}

export function isValidReading(reading: Reading): boolean {
  return reading.wellFormed && reading.bad * 50 <= reading.length
}

// Cc minus TAB, LF, CR, ESC; unassigned; private use; noncharacters; the replacement character.
const BAD = /[\0-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\p{Cn}\p{Co}\ufffd]/gu

function reading(text: string, wellFormed: boolean): Reading {
  const bad = text.match(BAD)?.length ?? 0
  // Code points, not UTF-16 units: a surrogate pair is one character.
  const length = text.length - (text.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0)
  return { text, wellFormed, bad, length }
}

/** UTF-16LE from `start`: odd length or an unpaired surrogate is ill-formed (each becomes U+FFFD). */
export function readUtf16le(bytes: Uint8Array, start = 0): Reading {
  const units: number[] = []
  let wellFormed = (bytes.length - start) % 2 === 0
  for (let i = start; i + 1 < bytes.length; i += 2) units.push(bytes[i]! | (bytes[i + 1]! << 8))
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = units[i + 1]
      if (next !== undefined && next >= 0xdc00 && next <= 0xdfff) {
        i++
        continue
      }
    } else if (unit < 0xdc00 || unit > 0xdfff) {
      continue
    }
    units[i] = 0xfffd
    wellFormed = false
  }
  if ((bytes.length - start) % 2 === 1) units.push(0xfffd)
  return reading(unitsToString(units), wellFormed)
}

/**
 * UTF-8 from `start`, well-formed exactly when WHATWG's `TextDecoder('utf-8', { fatal: true })`
 * would not throw (shared/ has no TextDecoder type: lib ES2023 only). The text is the lenient
 * `decodeUtf8` one, which is what `MultiByteToWideChar` gives.
 */
export function readUtf8(bytes: Uint8Array, start = 0): Reading {
  return reading(decodeUtf8(bytes, start), isWellFormedUtf8(bytes, start))
}

function isWellFormedUtf8(bytes: Uint8Array, start: number): boolean {
  let i = start
  while (i < bytes.length) {
    const b0 = bytes[i]!
    if (b0 < 0x80) {
      i++
      continue
    }
    let need: number
    let lower = 0x80
    let upper = 0xbf
    if (b0 >= 0xc2 && b0 <= 0xdf) need = 1
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      need = 2
      if (b0 === 0xe0) lower = 0xa0
      if (b0 === 0xed) upper = 0x9f
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      need = 3
      if (b0 === 0xf0) lower = 0x90
      if (b0 === 0xf4) upper = 0x8f
    } else return false
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k]
      if (b === undefined || b < lower || b > upper) return false
      lower = 0x80
      upper = 0xbf
    }
    i += need + 1
  }
  return true
}

interface LegacyDecoder {
  decode(input: Uint8Array): string
}
type LegacyDecoderClass = new (label: string, options?: { fatal?: boolean }) => LegacyDecoder

/**
 * WHATWG labels for the OEM code pages of the languages WSL ships (chcp values). 437/850/852/857
 * have no WHATWG decoder; those fall back to ASCII with U+FFFD for bytes above 0x7F.
 */
const OEM_LABELS: Readonly<Record<number, string>> = {
  65001: 'utf-8',
  936: 'gbk',
  950: 'big5',
  932: 'shift_jis',
  949: 'euc-kr',
  866: 'ibm866',
  874: 'windows-874',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
}

/**
 * A legacy (OEM) code page through the runtime's TextDecoder (Node with ICU, Chromium and workers
 * all have GBK, Big5, Shift_JIS, EUC-KR), looked up on globalThis so shared/ stays typed as ES2023.
 */
export function readOem(bytes: Uint8Array, codePage: number): Reading {
  const label = OEM_LABELS[codePage]
  const Decoder = (globalThis as { TextDecoder?: LegacyDecoderClass }).TextDecoder
  if (label !== undefined && Decoder !== undefined) {
    try {
      return reading(new Decoder(label, { fatal: true }).decode(bytes), true)
    } catch {
      try {
        return reading(new Decoder(label).decode(bytes), false)
      } catch {
        // An unsupported label (Node without ICU): handled below.
      }
    }
  }
  const units = Array.from(bytes, (b) => (b < 0x80 ? b : 0xfffd))
  return reading(
    unitsToString(units),
    bytes.every((b) => b < 0x80),
  )
}
