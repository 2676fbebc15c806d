/**
 * Small emulations of the C runtime functions WSL's config parser relies on, with the platform facts the
 * reference harness used: `long` is 32 bits (LLP64), UCRT "C" locale classification (ASCII only).
 * Strings are byte arrays (`char*`), already cut at the first NUL.
 */

/** `isspace` in the C locale: space, \t, \n, \v, \f, \r. */
export function isCSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d)
}

/** `isalpha` for a `wint_t` from `fgetwc` in the UCRT "C" locale: ASCII letters only. */
export function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
}

/** `isalnum` in the UCRT "C" locale: ASCII letters and digits only. */
export function isAlnum(c: number): boolean {
  return isAlpha(c) || (c >= 0x30 && c <= 0x39)
}

function digitValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30
  if (b >= 0x61 && b <= 0x7a) return b - 0x61 + 10
  if (b >= 0x41 && b <= 0x5a) return b - 0x41 + 10
  return 99
}

/** Result of a `strto*` call: the value and the index `*end` points at. */
export interface StrtoResult {
  value: bigint
  end: number
  /** True when the magnitude did not fit and the value saturated. */
  overflow: boolean
}

function scan(bytes: readonly number[], baseIn: number): { neg: boolean; mag: bigint; end: number; digits: boolean } {
  let i = 0
  while (i < bytes.length && isCSpace(bytes[i] ?? 0)) i++
  let neg = false
  if (bytes[i] === 0x2b || bytes[i] === 0x2d) {
    neg = bytes[i] === 0x2d
    i++
  }
  let base = baseIn
  if ((base === 0 || base === 16) && bytes[i] === 0x30 && (bytes[i + 1] === 0x78 || bytes[i + 1] === 0x58) && digitValue(bytes[i + 2] ?? 0) < 16) {
    base = 16
    i += 2
  } else if (base === 0) {
    base = bytes[i] === 0x30 ? 8 : 10
  }
  let mag = 0n
  const start = i
  while (i < bytes.length && digitValue(bytes[i] ?? 0) < base) {
    mag = mag * BigInt(base) + BigInt(digitValue(bytes[i] ?? 0))
    i++
  }
  const digits = i > start
  return { neg, mag, end: digits ? i : 0, digits }
}

/** `strtol(value, &end, base)` with a 32-bit `long`: saturates at ±2147483647/8 like Windows. */
export function strtol32(bytes: readonly number[], base: number): StrtoResult {
  const { neg, mag, end } = scan(bytes, base)
  const max = 2147483647n
  if (!neg && mag > max) return { value: max, end, overflow: true }
  if (neg && mag > max + 1n) return { value: -max - 1n, end, overflow: true }
  return { value: neg ? -mag : mag, end, overflow: false }
}

/** `strtoull(value, &end, 10)`: negative input wraps, overflow gives ULLONG_MAX. */
export function strtoull10(bytes: readonly number[]): StrtoResult {
  const { neg, mag, end } = scan(bytes, 10)
  const max = (1n << 64n) - 1n
  if (mag > max) return { value: max, end, overflow: true }
  return { value: neg ? (mag === 0n ? 0n : (1n << 64n) - mag) : mag, end, overflow: false }
}

/** glibc `inet_pton(AF_INET, ...)`: strict dotted quad, no leading zeros. Returns the 4 octets or null. */
export function inetPton4(bytes: readonly number[]): number[] | null {
  const octets = [0]
  let sawDigit = false
  let count = 0
  for (const ch of bytes) {
    if (ch >= 0x30 && ch <= 0x39) {
      const cur = octets[octets.length - 1] ?? 0
      if (sawDigit && cur === 0) return null
      const next = cur * 10 + (ch - 0x30)
      if (next > 255) return null
      octets[octets.length - 1] = next
      if (!sawDigit) {
        count++
        if (count > 4) return null
        sawDigit = true
      }
    } else if (ch === 0x2e && sawDigit) {
      if (count === 4) return null
      octets.push(0)
      sawDigit = false
    } else {
      return null
    }
  }
  return count < 4 ? null : octets
}
