/**
 * UTF-8 <-> UTF-16 conversion without TextDecoder (shared/ may only use ES2023).
 *
 * Decoding follows the WHATWG "maximal subpart" rule: each ill-formed run becomes one U+FFFD.
 * That is what `MultiByteToWideChar(CP_UTF8, 0, ...)` does on current Windows, which is the
 * function WSL uses (`wsl::shared::string::MultiByteToWide`, src/shared/inc/stringshared.h).
 */

/** Decodes UTF-8 bytes into a JS (UTF-16) string, replacing bad sequences with U+FFFD, like MultiByteToWideChar. */
export function decodeUtf8(bytes: ArrayLike<number>, start = 0, end = bytes.length): string {
  const out: number[] = []
  let i = start
  while (i < end) {
    const b0 = bytes[i] ?? 0
    if (b0 < 0x80) {
      out.push(b0)
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
      out.push(0xfffd)
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
    if (!ok) {
      out.push(0xfffd)
      i = j
      continue
    }
    if (cp >= 0x10000) {
      const v = cp - 0x10000
      out.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff))
    } else {
      out.push(cp)
    }
    i = j
  }
  return unitsToString(out)
}

/** Encodes a JS string as UTF-8; lone surrogates become U+FFFD (WideCharToMultiByte behaviour). */
export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i)
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1)
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00)
        i += 1
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return Uint8Array.from(out)
}

/** Builds a string from UTF-16 code units in chunks (String.fromCharCode has an argument limit). */
export function unitsToString(units: ArrayLike<number>): string {
  let s = ''
  const chunk = 8192
  for (let i = 0; i < units.length; i += chunk) {
    s += String.fromCharCode(...(Array.prototype.slice.call(units, i, i + chunk) as number[]))
  }
  return s
}
