import { describe, expect, it } from 'vitest'
import { formatWslMessage } from '../wsl-messages/messages'
import { wslLanguages } from './message-catalog'
import { parseNetworkingMode } from './parse-networking-mode'

describe('parseNetworkingMode', () => {
  it('reads every mode wslinfo prints (docs/knowledge/probes.md#wsl-startup, docs/knowledge/wsl-checks.md#virtioproxy-and-consomme)', () => {
    for (const mode of ['nat', 'mirrored', 'bridged', 'virtioproxy', 'consomme', 'none', 'wsl1'] as const) {
      expect(parseNetworkingMode(`${mode}\n`)).toBe(mode)
    }
  })

  it('#11045: nat after a mirrored fallback warning, CRLF and NULs', () => {
    const text =
      'wsl: Mirrored networking mode is not supported: Windows version 19045.3930 does not have the required features.\r\nFalling back to NAT networking.\r\nnat\r\n'
    expect(parseNetworkingMode(text)).toBe('nat')
    expect(parseNetworkingMode('n\u0000a\u0000t\u0000\r\u0000\n\u0000')).toBe('nat')
  })

  it('ignores case and surrounding spaces', () => {
    expect(parseNetworkingMode('  Mirrored  ')).toBe('mirrored')
  })

  it('returns null when wslinfo could not query the mode, in any language', () => {
    for (const language of wslLanguages) {
      expect(parseNetworkingMode(formatWslMessage('MessageFailedToQueryNetworkingMode', language, []))).toBeNull()
    }
  })

  it('returns null for missing wslinfo, usage errors and prose', () => {
    expect(parseNetworkingMode('')).toBeNull()
    expect(parseNetworkingMode('-bash: wslinfo: command not found')).toBeNull()
    expect(parseNetworkingMode("wslinfo: unrecognized option '--networking-mode'")).toBeNull()
    expect(parseNetworkingMode('networking mode is nat')).toBeNull()
  })
})
