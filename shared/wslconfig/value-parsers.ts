/**
 * Typed value parsing for one key, ported from the `ConfigKey::ParseImpl` overloads
 * (src/shared/configfile/configfile.cpp), `ParseBool` / `ParseMemorySize` / `ParseMacAddressNoThrow`
 * (src/shared/inc/stringshared.h), `ConfigKey::ParseEnumString` (src/shared/configfile/configfile.h)
 * and the two custom parsers in src/windows/common/WslCoreConfig.cpp (`ignoredPorts`, `dnsTunnelingIpAddress`).
 */
import { inetPton4, strtol32, strtoull10 } from './c-runtime'
import { asciiEqualsIgnoreCase, type WslKeyDef } from './keys'
import type { WslConfigMessage } from './types'
import { decodeUtf8 } from './utf8'

/** Outcome of parsing one value. Warnings are listed in the order WSL emits them. */
export type ValueParseResult =
  | { kind: 'stored'; rendered: string; warnings: WslConfigMessage[] }
  | { kind: 'rejected'; warnings: WslConfigMessage[]; disablesDnsTunneling?: boolean }
  | { kind: 'fatal'; error: WslConfigMessage }

/** Parses `value` (the bytes WSL passes as `const char*`) for `key`, named `name` as written in the file. */
export function parseKeyValue(key: WslKeyDef, name: string, value: readonly number[], line: number): ValueParseResult {
  const text = decodeUtf8(value)
  const warn = (message: WslConfigMessage['message'], args: (string | number)[]): ValueParseResult => ({
    kind: 'rejected',
    warnings: [{ message, line, args }],
  })
  const type = key.type
  switch (type.kind) {
    case 'bool': {
      const b = parseBool(value)
      return b === null ? warn('MessageConfigInvalidBoolean', [text, name]) : stored(b ? 'true' : 'false')
    }
    case 'int': {
      const n = parseInt32(value)
      return n === null ? warn('MessageConfigInvalidInteger', [text, name]) : stored(String(n))
    }
    case 'memory': {
      const m = parseMemorySize(value)
      return m === null ? warn('MessageInvalidNumberString', [text, name]) : stored(m.toString())
    }
    case 'enum': {
      const found = type.values.find((e) => asciiEqualsIgnoreCase(e.name, text))
      if (!found || !isAscii(value)) {
        return warn('MessageConfigInvalidEnum', [text, name, type.values.map((e) => e.name).join(', ')])
      }
      const first = type.values.find((e) => e.value === found.value)
      return stored(first?.name ?? found.name)
    }
    case 'string':
    case 'path':
      return stored(text)
    case 'mac': {
      const mac = parseMacAddress(value)
      if (mac === null) return { kind: 'fatal', error: { message: 'MessageConfigMacAddress', line, args: [text, name] } }
      return stored(mac)
    }
    case 'ip': {
      const ip = inetPton4(value)
      if (ip === null) return { kind: 'rejected', warnings: [{ message: 'MessageConfigInvalidIp', line, args: [text, name] }], disablesDnsTunneling: true }
      return stored(ip.join('.'))
    }
    case 'ignoredPorts':
      return parseIgnoredPorts(value, text, name, line)
  }
}

function stored(rendered: string): ValueParseResult {
  return { kind: 'stored', rendered, warnings: [] }
}

function isAscii(value: readonly number[]): boolean {
  return value.every((b) => b < 0x80)
}

/** `ParseBool`: only `1`, `0`, `true`, `false` (ASCII letters in any case). */
export function parseBool(value: readonly number[]): boolean | null {
  const s = String.fromCharCode(...value)
  if (s === '1' || asciiEqualsIgnoreCase(s, 'true')) return true
  if (s === '0' || asciiEqualsIgnoreCase(s, 'false')) return false
  return null
}

/** `ParseImpl(int&)`: `strtol(value, &end, 0)` must consume everything; 32-bit `long` saturates. */
export function parseInt32(value: readonly number[]): number | null {
  if (value.length === 0) return null
  const r = strtol32(value, 0)
  if (r.end !== value.length) return null
  return Number(r.value)
}

const MEMORY_UNITS: readonly [string, bigint][] = [
  ['B', 1n],
  ['KB', 1n << 10n],
  ['MB', 1n << 20n],
  ['GB', 1n << 30n],
  ['TB', 1n << 40n],
]

/** `ParseMemorySize`: decimal `strtoull` plus an optional case-sensitive suffix B/K/KB/M/MB/G/GB/T/TB; wraps at 2^64. */
export function parseMemorySize(value: readonly number[]): bigint | null {
  const r = strtoull10(value)
  if (r.value === 0n && (value[0] !== 0x30 || r.end !== 1)) return null
  const rest = String.fromCharCode(...value.slice(r.end))
  if (rest.length === 0) return r.value
  if (rest.length > 2) return null
  for (const [suffix, factor] of MEMORY_UNITS) {
    if (rest === suffix.slice(0, 1) || rest === suffix) return (r.value * factor) & ((1n << 64n) - 1n)
  }
  return null
}

/** `ParseMacAddressNoThrow<char>` + `FormatMacAddress(':')`: 17 chars, `-` or `:` separators, ASCII hex. */
export function parseMacAddress(value: readonly number[]): string | null {
  if (value.length !== 17) return null
  const sep = value[2]
  if (sep !== 0x2d && sep !== 0x3a) return null
  const isHex = (b: number | undefined): boolean => b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66))
  const parts: string[] = []
  for (let octet = 0; octet < 6; octet++) {
    const i = octet * 3
    if (!isHex(value[i]) || !isHex(value[i + 1])) return null
    if (octet < 5 && value[i + 2] !== sep) return null
    parts.push(String.fromCharCode(value[i] ?? 0, value[i + 1] ?? 0).toUpperCase())
  }
  return parts.join(':')
}

/** The `parseIgnoredPorts` lambda: split on `,` (empty parts dropped), `std::stoi` each, keep 1..65535. */
function parseIgnoredPorts(value: readonly number[], text: string, name: string, line: number): ValueParseResult {
  const warnings: WslConfigMessage[] = []
  const ports = new Set<number>()
  let part: number[] = []
  const parts: number[][] = []
  for (const b of value) {
    if (b === 0x2c) {
      if (part.length > 0) parts.push(part)
      part = []
    } else {
      part.push(b)
    }
  }
  if (part.length > 0) parts.push(part)
  for (const p of parts) {
    const n = stoiPort(p)
    if (n === null) warnings.push({ message: 'MessageConfigInvalidInteger', line, args: [text, name] })
    else ports.add(n)
  }
  if (ports.size === 0) return { kind: 'rejected', warnings }
  return { kind: 'stored', rendered: [...ports].sort((a, b) => a - b).join(','), warnings }
}

function stoiPort(bytes: readonly number[]): number | null {
  const r = strtol32(bytes, 10)
  if (r.end === 0 || r.overflow) return null
  const n = Number(r.value)
  return n <= 0 || n > 65535 ? null : n
}
