import { decodeBase64 } from '../util/base64'
import { isAtLeast } from '../util/version'
import { isValidReading, readOem, readUtf16le, readUtf8, type Reading } from './native-text'

/**
 * Whether wsl.exe wrote UTF-8: `honoured` (WSL_UTF8=1 set and the WSL honours it, 0.64+),
 * `ignored` (the inbox wsl.exe, or WSL_UTF8 not set: UTF-16LE), `requested` (set, but whether this
 * wsl.exe honours it is not known).
 */
export type WslUtf8 = 'honoured' | 'ignored' | 'requested'

/**
 * Who printed the bytes, which says what encoding they are in:
 *
 * - `wsl-exe`: wsl.exe's own text (help, `--version`, `--list`, errors, `wsl: ` warnings).
 *   `WslClient::Main` sets the CRT mode of stdin/stdout/stderr to `_O_U8TEXT` when `WSL_UTF8` is
 *   exactly "1" and to `_O_U16TEXT` otherwise, so a redirected stream is UTF-16LE without BOM
 *   (src/windows/common/WslClient.cpp, `Main`; `SetCrtEncoding` in src/windows/common/wslutil.cpp;
 *   #4607). The inbox Windows 10 wsl.exe predates WSL_UTF8 (0.64.0, docs/knowledge/wsl-checks.md#console-output-of-wsl).
 * - `linux-command`: what a Linux program run by `wsl.exe -e` printed, relayed byte for byte
 *   (UTF-8); wsl.exe's own error on the same stream is still UTF-16LE when WSL_UTF8 is ignored.
 * - `oem-console`: netsh, bcdedit, sc.exe writing to a pipe use the console (OEM) code page, e.g.
 *   936 (GBK) on Chinese Windows; `chcp`'s number.
 * - `unknown`: a blob of text of unknown origin; UTF-16LE only with a BOM or NULs in at least 30%
 *   of its high bytes (ASCII-heavy), so GBK bytes are never read as Chinese-looking UTF-16.
 */
export type NativeProducer =
  | { readonly kind: 'wsl-exe'; readonly wslUtf8: WslUtf8 }
  | { readonly kind: 'linux-command' }
  | { readonly kind: 'oem-console'; readonly codePage: number }
  | { readonly kind: 'unknown' }

export type NativeEncoding = 'utf16le' | 'utf8' | 'oem'

export interface DecodedNative {
  readonly text: string
  readonly encoding: NativeEncoding
  readonly bom: boolean
  /** False when no reading validated and the least damaged one was taken. */
  readonly valid: boolean
}

/** wsl.exe's own output, as our probes run it (always with WSL_UTF8=1; wsl-install.ps1, wsl-startup.ps1). */
export const WSL_EXE_REQUESTED: NativeProducer = { kind: 'wsl-exe', wslUtf8: 'requested' }

/**
 * Whether WSL_UTF8=1 (which the probes always set) is honoured on a PC: Store/MSI WSL 0.64+ does,
 * a PC with wsl.exe and no package version has only the inbox wsl.exe, which does not.
 */
export function wslUtf8For(
  install: { readonly wslExePresent: boolean; readonly msiVersion: string | null; readonly appxVersion: string | null } | null,
): WslUtf8 {
  if (install === null) return 'requested'
  const version = install.msiVersion ?? install.appxVersion
  if (version !== null) return isAtLeast(version, '0.64.0') ? 'honoured' : 'ignored'
  return install.wslExePresent ? 'ignored' : 'requested'
}

/** Decodes base64 program output by what its producer emits. Null for invalid base64. */
export function decodeNativeOutput(base64: string, producer: NativeProducer): string | null {
  const bytes = decodeBase64(base64)
  return bytes === null ? null : decodeNativeBytes(bytes, producer).text
}

/**
 * Reads the bytes in each encoding the producer may have used, most likely first, and takes the
 * first reading that validates (see `native-text.ts`): when both UTF-8 and UTF-16LE validate the
 * producer's known encoding wins. A BOM decides outright. When nothing validates (a truncated
 * stream, mixed encodings, garbage) the least damaged reading is returned, ties to the likelier.
 */
export function decodeNativeBytes(bytes: Uint8Array, producer: NativeProducer): DecodedNative {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return result(readUtf16le(bytes, 2), 'utf16le', true)
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return result(readUtf8(bytes, 3), 'utf8', true)
  // Lazily: most output validates in its first encoding, and readings of big blobs are not free.
  const readings: { encoding: NativeEncoding; reading: Reading }[] = []
  for (const encoding of candidates(producer)) {
    const reading = read(bytes, encoding, producer)
    if (isValidReading(reading) && (producer.kind !== 'unknown' || encoding !== 'utf16le' || asciiHeavyUtf16(bytes))) return result(reading, encoding, false)
    readings.push({ encoding, reading })
  }
  const least = readings.reduce((best, next) => (next.reading.bad < best.reading.bad ? next : best))
  return { ...result(least.reading, least.encoding, false), valid: false }
}

function candidates(producer: NativeProducer): readonly NativeEncoding[] {
  switch (producer.kind) {
    case 'wsl-exe':
      // UTF-16LE unless WSL_UTF8 may have been honoured. Even then a valid UTF-8 reading has no NUL,
      // so UTF-16LE text read as UTF-8 (ASCII, CRLF: NULs everywhere) never wins by mistake.
      return producer.wslUtf8 === 'ignored' ? ['utf16le', 'utf8'] : ['utf8', 'utf16le']
    case 'linux-command':
    case 'unknown':
      return ['utf8', 'utf16le']
    case 'oem-console':
      return ['oem', 'utf16le', 'utf8']
  }
}

function read(bytes: Uint8Array, encoding: NativeEncoding, producer: NativeProducer): Reading {
  if (encoding === 'utf16le') return readUtf16le(bytes)
  if (encoding === 'utf8') return readUtf8(bytes)
  return readOem(bytes, producer.kind === 'oem-console' ? producer.codePage : 65001)
}

function result(reading: Reading, encoding: NativeEncoding, bom: boolean): DecodedNative {
  return { text: reading.text, encoding, bom, valid: isValidReading(reading) }
}

/** The old rule for text of unknown origin: a NUL high byte in more than 30% of the pairs. */
function asciiHeavyUtf16(bytes: Uint8Array): boolean {
  let zeros = 0
  for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) zeros++
  return zeros / Math.floor(bytes.length / 2) > 0.3
}
