import { describe, expect, it } from 'vitest'
import { formatWslMessage, wslMessageTemplate } from '../wsl-messages/messages'
import { decodeNativeBytes, decodeNativeOutput, wslUtf8For, type NativeProducer } from './decode-native-output'
import { readUtf8 } from './native-text'
import { wslPrintedText } from './wsl-printed'

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64')
/** What wsl.exe writes when WSL_UTF8 is not honoured: `_O_U16TEXT`, no BOM, `\n` → `\r\n` (WslClient.cpp). */
const asWslUtf16 = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')
const asWslUtf8 = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')
const crlf = (text: string) => text.replace(/\n/g, '\r\n')

const INBOX: NativeProducer = { kind: 'wsl-exe', wslUtf8: 'ignored' }
const REQUESTED: NativeProducer = { kind: 'wsl-exe', wslUtf8: 'requested' }
const HONOURED: NativeProducer = { kind: 'wsl-exe', wslUtf8: 'honoured' }

// Message texts from WSL's resources (shared/wsl-facts/wsl-messages.json, same file as shared/wsl-messages/).
const ZH_NAT_FALLBACK = `wsl: ${formatWslMessage('MessageNetworkInitializationFailedFallback2', 'zh-CN', ['Nat', 'Consomme'])}\n`
const JA_MIRRORED = `wsl: ${formatWslMessage('MessageMirroredNetworkingNotSupportedReason', 'ja-JP', [formatWslMessage('MessageMirroredNetworkingNotSupportedWindowsVersion', 'ja-JP', ['19045', '5247'])])}\n`
const ZH_QUERY_MODE = wslMessageTemplate('MessageFailedToQueryNetworkingMode', 'zh-CN')

describe('decodeNativeOutput: wsl.exe', () => {
  it('reads the exact UTF-16LE bytes of a zh-CN warning (MessageNetworkInitializationFailedFallback2)', () => {
    expect(ZH_NAT_FALLBACK).toBe('wsl: 无法配置网络 (networkingMode Nat)，回退到 networkingMode Consomme。\n')
    const bytes = asWslUtf16(ZH_NAT_FALLBACK)
    // "wsl: 无法" = 77 00 73 00 6C 00 3A 00 20 00 E0 65 D5 6C; ends with CR LF as UTF-16LE.
    expect([...bytes.subarray(0, 14)]).toEqual([0x77, 0, 0x73, 0, 0x6c, 0, 0x3a, 0, 0x20, 0, 0xe0, 0x65, 0xd5, 0x6c])
    expect([...bytes.subarray(-4)]).toEqual([0x0d, 0, 0x0a, 0])
    for (const producer of [INBOX, REQUESTED, HONOURED]) expect(decodeNativeOutput(b64(bytes), producer)).toBe(crlf(ZH_NAT_FALLBACK))
  })

  it('reads a ja-JP mirrored-fallback warning (MessageMirroredNetworkingNotSupportedReason) in UTF-16LE', () => {
    const bytes = asWslUtf16(JA_MIRRORED)
    expect(decodeNativeBytes(bytes, INBOX)).toEqual({ text: crlf(JA_MIRRORED), encoding: 'utf16le', bom: false, valid: true })
    expect(decodeNativeOutput(b64(bytes), REQUESTED)).toBe(crlf(JA_MIRRORED))
  })

  it('reads all-CJK UTF-16LE that has no zero byte at all (MessageFailedToQueryNetworkingMode, zh-CN)', () => {
    expect(ZH_QUERY_MODE).toBe('查询网络模式失败')
    const bytes = Buffer.from(ZH_QUERY_MODE, 'utf16le')
    expect(bytes.includes(0)).toBe(false) // the old "share of zero bytes" test saw 0% and read UTF-8
    for (const producer of [INBOX, REQUESTED, HONOURED]) expect(decodeNativeOutput(b64(bytes), producer)).toBe(ZH_QUERY_MODE)
  })

  it('prefers what the producer emits when both readings validate', () => {
    const bytes = Buffer.from('这还', 'utf16le') // D9 8F D8 8F: also well-formed UTF-8 ("ُ؏")
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe('\u064f\u060f')
    expect(decodeNativeOutput(b64(bytes), INBOX)).toBe('这还')
    expect(decodeNativeOutput(b64(bytes), HONOURED)).toBe('\u064f\u060f')
  })

  it('keeps the text of an odd-length UTF-16LE stream and marks the stray byte', () => {
    const bytes = Buffer.concat([asWslUtf16(ZH_NAT_FALLBACK), Buffer.from([0x0d])])
    const decoded = decodeNativeBytes(bytes, INBOX)
    expect(decoded).toEqual({ text: `${crlf(ZH_NAT_FALLBACK)}\ufffd`, encoding: 'utf16le', bom: false, valid: false })
    expect(decodeNativeOutput(b64(bytes), REQUESTED)).toBe(`${crlf(ZH_NAT_FALLBACK)}\ufffd`)
  })

  it('reads UTF-8 when WSL_UTF8=1 is honoured (zh-CN MessageMirroredNetworkingNotSupportedReason)', () => {
    const text = `wsl: ${formatWslMessage('MessageMirroredNetworkingNotSupportedReason', 'zh-CN', [formatWslMessage('MessageMirroredNetworkingNotSupportedWindowsVersion', 'zh-CN', ['22000', '2836'])])}\n`
    const bytes = asWslUtf8(text)
    expect(decodeNativeBytes(bytes, HONOURED)).toEqual({ text: crlf(text), encoding: 'utf8', bom: false, valid: true })
    expect(decodeNativeOutput(b64(bytes), REQUESTED)).toBe(crlf(text))
    expect(decodeNativeOutput(b64(asWslUtf8('WSL 版本： 2.3.26.0\n内核版本： 5.15.167.4-1\n')), HONOURED)).toBe(
      'WSL 版本： 2.3.26.0\r\n内核版本： 5.15.167.4-1\r\n',
    )
  })

  it('honours a BOM whatever the producer says', () => {
    expect(decodeNativeOutput(b64(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('nat', 'utf16le')])), HONOURED)).toBe('nat')
    expect(decodeNativeOutput(b64(Buffer.from([0xef, 0xbb, 0xbf, 0x6e, 0x61, 0x74])), INBOX)).toBe('nat')
  })

  it('returns null for invalid base64 and "" for no output', () => {
    expect(decodeNativeOutput('not base64!', REQUESTED)).toBeNull()
    expect(decodeNativeOutput('', INBOX)).toBe('')
  })
})

describe('decodeNativeOutput: other producers', () => {
  it('reads GBK (CP936) netsh output with the OEM code page, and UTF-16LE from the same tool', () => {
    // `netsh interface ipv4 show excludedportrange protocol=tcp` on zh-CN Windows, as GBK bytes.
    const gbk = Buffer.from(
      '0d0ad0add2e92074637020b6cbbfdac5c5b3fdb7b6cea70d0a0d0abfaacabcb6cbbfda20202020bde1caf8b6cbbfda0d0a2d2d2d2d2d2d2d2d2d2d202020202d2d2d2d2d2d2d2d0d0a202020202020313038302020202020202020313137390d0a2020202020353030303020202020202020353030353920202020202a0d0a0d0a2a202d20b9dcc0edb5c4b6cbbfdac5c5b3fda1a30d0a',
      'hex',
    )
    const text = new TextDecoder('gbk').decode(gbk)
    expect(text).toContain('协议 tcp 端口排除范围')
    const netsh: NativeProducer = { kind: 'oem-console', codePage: 936 }
    expect(decodeNativeBytes(gbk, netsh)).toEqual({ text, encoding: 'oem', bom: false, valid: true })
    expect(decodeNativeOutput(b64(gbk), { kind: 'unknown' })).not.toBe(text) // UTF-8 guessing is what broke
    expect(decodeNativeOutput(b64(Buffer.from(text, 'utf16le')), netsh)).toBe(text)
  })

  it('reads wslinfo (a Linux program) as UTF-8', () => {
    expect(decodeNativeOutput(b64(Buffer.from('mirrored\n')), { kind: 'linux-command' })).toBe('mirrored\n')
  })

  it('survives garbage: no throw, marked invalid', () => {
    let seed = 12345
    const garbage = Uint8Array.from({ length: 4001 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff)
    for (const producer of [INBOX, REQUESTED, { kind: 'oem-console', codePage: 936 } as const, { kind: 'unknown' } as const]) {
      expect(decodeNativeBytes(garbage, producer).valid).toBe(false)
    }
  })

  it('judges UTF-8 well-formedness exactly like TextDecoder({ fatal: true })', () => {
    let seed = 7
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff
    const pool = [0x41, 0x80, 0xbf, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xc0]
    for (let n = 0; n < 3000; n++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 6) }, () => pool[next() % pool.length]!)
      let fatalOk = true
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        fatalOk = false
      }
      expect(readUtf8(bytes).wellFormed, Buffer.from(bytes).toString('hex')).toBe(fatalOk)
    }
  })
})

describe('wslUtf8For and wslPrintedText', () => {
  it('knows the inbox wsl.exe ignores WSL_UTF8 and Store WSL 0.64+ honours it', () => {
    expect(wslUtf8For({ wslExePresent: true, msiVersion: null, appxVersion: null })).toBe('ignored')
    expect(wslUtf8For({ wslExePresent: true, msiVersion: '2.3.26.0', appxVersion: null })).toBe('honoured')
    expect(wslUtf8For({ wslExePresent: true, msiVersion: null, appxVersion: '0.58.3.0' })).toBe('ignored')
    expect(wslUtf8For(null)).toBe('requested')
  })

  it('reads both streams in the order wsl.exe wrote them: warnings (stderr), then the error (stdout)', () => {
    const warning = `wsl: ${formatWslMessage('MessageConfigUnknownKey', 'zh-CN', ['C:\\Users\\wei\\.wslconfig', 3, 'wsl2.foo'])}\n`
    const error = `${formatWslMessage('MessageErrorCode', 'zh-CN', ['无法配置网络', 'Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002'])}\n`
    const output = { exitCode: -1, timedOut: false, stdoutBase64: b64(asWslUtf16(error)), stderrBase64: b64(asWslUtf16(warning)) }
    expect(wslPrintedText(output, INBOX)).toBe(crlf(warning) + crlf(error))
  })
})
