import { describe, expect, it } from 'vitest'
import { formatWslMessage, wslMessageTemplate, type WslLanguage, type WslMessageId } from '../wsl-messages/messages'
import { messageArgKinds } from './message-args'
import { wslLanguages, wslMessageIds } from './message-catalog'
import { recognizeWslMessages, type RecognizedMessage } from './recognize-messages'

const top = (messages: readonly RecognizedMessage[]): RecognizedMessage[] => messages.filter((m) => m.within === undefined)
const ids = (messages: readonly RecognizedMessage[]): string[] => messages.map((m) => m.id)

describe('recognizeWslMessages: real output quoted in the knowledge base and its issues', () => {
  it('#12019: the seed error (WSL 2.2.4, NAT, 0x80041002)', () => {
    const text = [
      'Failed to configure network (networkingMode Nat). To disable networking, set `wsl2.networkingMode=None` in C:\\Users\\mgold\\.wslconfig',
      'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002',
      'Press any key to continue...',
    ].join('\r\n')
    const messages = recognizeWslMessages(text)
    expect(ids(messages)).toEqual(['MessageErrorCode', 'LegacyNatConfigureFailed'])
    const [error, nat] = messages
    expect(error).toMatchObject({ language: 'en-US', line: 1, endLine: 2, prefixed: false, origin: 'resources' })
    expect(error?.args[1]).toBe('Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002')
    expect(error?.inner).toBe(nat)
    expect(nat).toMatchObject({ args: ['Nat', 'C:\\Users\\mgold\\.wslconfig'], line: 1, within: 'MessageErrorCode', origin: 'legacy' })
  })

  it('#12022 and #11802: the same failure with other codes and a user name with spaces', () => {
    const text = [
      'Failed to configure network (networkingMode Nat). To disable networking, set `wsl2.networkingMode=None` in C:\\Users\\A7med & Mohammed\\.wslconfig',
      'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x803b0001',
      '',
      '[process exited with code 4294967295 (0xffffffff)]',
      'You can now close this terminal with Ctrl+D, or press Enter to restart.',
    ].join('\n')
    const nat = recognizeWslMessages(text).find((m) => m.id === 'LegacyNatConfigureFailed')
    expect(nat?.args).toEqual(['Nat', 'C:\\Users\\A7med & Mohammed\\.wslconfig'])
  })

  it('#11811: the variant without backticks (markdown ate them and a backslash)', () => {
    const text =
      'Failed to configure network (networkingMode Nat). To disable networking, set wsl2.networkingMode=None in C:\\Users\\A7med & Mohammed.wslconfig\n' +
      'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x803b0001'
    const nat = recognizeWslMessages(text).find((m) => m.id === 'LegacyNatConfigureFailed')
    expect(nat?.args).toEqual(['Nat', 'C:\\Users\\A7med & Mohammed.wslconfig'])
  })

  it('#11414/#11359: WSL 2.0–2.1 mirrored fallback; #10823 without the comma', () => {
    expect(ids(recognizeWslMessages('wsl: Mirrored networking mode is not supported, falling back to NAT networking'))).toEqual(['LegacyMirroredNotSupported'])
    const insider = recognizeWslMessages(
      'Mirrored networking mode is not supported  falling back to NAT networking\n\nError code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x803b0015',
    )
    expect(ids(insider)).toEqual(['MessageErrorCode', 'LegacyMirroredNotSupported'])
  })

  it('#10717: the 2.0 mirrored fallback in Spanish (event log)', () => {
    const [message] = recognizeWslMessages('No se admite el modo de red reflejada, revirtiendo a las redes NAT')
    expect(message).toMatchObject({ id: 'LegacyMirroredNotSupported', language: 'es-ES' })
  })

  it('#11952: 2.2.2+ names the Windows version, and the reason is recognised inside', () => {
    const text =
      'wsl: Mirrored networking mode is not supported: Windows version 22631.4037 does not have the required features.\nFalling back to NAT networking.\n'
    const messages = recognizeWslMessages(text)
    expect(ids(messages)).toEqual(['MessageMirroredNetworkingNotSupportedReason', 'MessageMirroredNetworkingNotSupportedWindowsVersion'])
    const [outer, reason] = messages
    expect(outer).toMatchObject({ language: 'en-US', line: 1, endLine: 2, prefixed: true })
    expect(outer?.args).toEqual(['Windows version 22631.4037 does not have the required features'])
    expect(outer?.inner).toBe(reason)
    expect(reason).toMatchObject({ args: ['22631', '4037'], line: 1, within: 'MessageMirroredNetworkingNotSupportedReason' })
  })

  it('#11873 (zh-CN, WSL 2.3.14): the old unknown-key wording, args in call order, and the mirrored reason', () => {
    const text = [
      '$ wsl',
      "wsl: C:\\Users\\peili\\.wslconfig:2 中的未知密钥 'boot.systemd'",
      'wsl: 不支持镜像网络模式： Windows 版本 19045.4717 没有所需的功能。',
      '正在回退到 NAT 网络。',
    ].join('\n')
    const messages = recognizeWslMessages(text)
    expect(ids(messages)).toEqual([
      'MessageConfigUnknownKey',
      'MessageMirroredNetworkingNotSupportedReason',
      'MessageMirroredNetworkingNotSupportedWindowsVersion',
    ])
    expect(messages[0]).toMatchObject({ language: 'zh-CN', origin: 'legacy', line: 2, args: ['boot.systemd', 'C:\\Users\\peili\\.wslconfig', '2'] })
    expect(messages[1]).toMatchObject({ language: 'zh-CN', line: 3, endLine: 4 })
    expect(messages[2]).toMatchObject({ language: 'zh-CN', args: ['19045', '4717'] })
  })

  it('#12442 (zh-CN, Server 2025): localized system text, error code, garbled fallback, proxy warning', () => {
    const text = [
      'wsl: 指定的请求不受支持。',
      '错误代码: CreateInstance/CreateVm/ConfigureNetworking/0x803b0015',
      'wsl: 无法配置 networkingMode Mirrored) (网络，回退到 networkingMode None。',
      'wsl: 检测到 localhost 代理配置，但未镜像到 WSL。NAT 模式下的 WSL 不支持 localhost 代理。',
    ].join('\r\n')
    const messages = recognizeWslMessages(text)
    expect(ids(messages)).toEqual([
      'MessageErrorCode',
      'SystemRequestUnsupported',
      'MessageNetworkInitializationFailedFallback2',
      'MessageProxyLocalhostSettingsDropped',
    ])
    expect(messages.every((m) => m.language === 'zh-CN')).toBe(true)
    expect(messages[0]?.args).toEqual(['指定的请求不受支持。', 'CreateInstance/CreateVm/ConfigureNetworking/0x803b0015'])
    expect(messages[2]).toMatchObject({ args: ['Mirrored', 'None'], line: 3, origin: 'legacy' })
    expect(messages[3]?.line).toBe(4)
  })

  it('#12486 (English): Server 2025 falls back to None', () => {
    const text = [
      'PS C:\\Users\\Administrator> wsl',
      'wsl: The specified request is unsupported.',
      'Error code: CreateInstance/CreateVm/ConfigureNetworking/0x803b0015',
      'wsl: Failed to configure network (networkingMode Mirrored), falling back to networkingMode None.',
    ].join('\n')
    const messages = recognizeWslMessages(text)
    expect(ids(messages)).toEqual(['MessageErrorCode', 'SystemRequestUnsupported', 'MessageNetworkInitializationFailedFallback2'])
    expect(messages[0]).toMatchObject({ line: 2, endLine: 3, prefixed: true })
    expect(messages[2]).toMatchObject({ args: ['Mirrored', 'None'], line: 4, language: 'en-US', origin: 'resources' })
  })

  it('#12645: 2.3.25+ falls back to VirtioProxy', () => {
    const [message] = recognizeWslMessages('wsl: Failed to configure network (networkingMode Nat), falling back to networkingMode VirtioProxy.')
    expect(message).toMatchObject({ id: 'MessageNetworkInitializationFailedFallback2', args: ['Nat', 'VirtioProxy'] })
  })

  it('#11980: access denied in HNS, then the ~2.3.24 "no networking" fallback', () => {
    const text = [
      'wsl: Access is denied.',
      'Error code: CreateInstance/CreateVm/ConfigureNetworking/HNS/E_ACCESSDENIED',
      'wsl: Failed to configure network (networkingMode Nat), falling back to no networking.',
    ].join('\n')
    const messages = recognizeWslMessages(text)
    expect(ids(messages)).toEqual(['MessageErrorCode', 'SystemAccessDenied', 'LegacyNatFallbackNoNetworking'])
    expect(messages[2]?.args).toEqual(['Nat'])
  })

  it('#13600: an error text it does not know still yields the error code, without inner', () => {
    const text = [
      'wsl: An internal error occurred.',
      'Error code: CreateInstance/CreateVm/ConfigureNetworking/0x8007054f',
      'wsl: Failed to configure network (networkingMode Mirrored), falling back to networkingMode None.',
    ].join('\n')
    const [error, fallback] = recognizeWslMessages(text)
    expect(error).toMatchObject({ id: 'MessageErrorCode', args: ['An internal error occurred.', 'CreateInstance/CreateVm/ConfigureNetworking/0x8007054f'] })
    expect(error?.inner).toBeUndefined()
    expect(fallback?.id).toBe('MessageNetworkInitializationFailedFallback2')
  })

  it('#10510: several unknown keys, each with its line', () => {
    const text = [
      "wsl: Unknown key 'boot.systemd' in C:\\Users\\root\\.wslconfig:2",
      "wsl: Unknown key 'interop.enabled' in C:\\Users\\root\\.wslconfig:6",
      "wsl: Unknown key 'interop.appendWindowsPath' in C:\\Users\\root\\.wslconfig:9",
    ].join('\n')
    expect(recognizeWslMessages(text).map((m) => [m.line, ...m.args])).toEqual([
      [1, 'boot.systemd', 'C:\\Users\\root\\.wslconfig', '2'],
      [2, 'interop.enabled', 'C:\\Users\\root\\.wslconfig', '6'],
      [3, 'interop.appendWindowsPath', 'C:\\Users\\root\\.wslconfig', '9'],
    ])
  })

  it('docs/knowledge/wsl-checks.md#mirrored-mode/C.5: an invalid networkingMode value, with the valid values after the location', () => {
    const text =
      "wsl: Invalid value 'mirror' for config key 'wsl2.networkingMode' in C:\\Users\\alex\\.wslconfig:2 (Valid values: Bridged, Consomme, Mirrored, Nat, None, VirtioProxy)"
    const [message] = recognizeWslMessages(text)
    expect(message?.args).toEqual(['mirror', 'wsl2.networkingMode', 'C:\\Users\\alex\\.wslconfig', '2', 'Bridged, Consomme, Mirrored, Nat, None, VirtioProxy'])
  })

  it('docs/knowledge/error-codes.md#hresult-table: the virtualization message followed by its error code links the two', () => {
    const text = `${wslMessageTemplate('MessageEnableVirtualization', 'en-US')}\nError code: Wsl/Service/RegisterDistro/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED`
    const messages = recognizeWslMessages(text)
    expect(ids(messages)).toEqual(['MessageEnableVirtualization', 'MessageErrorCode'])
    expect(messages[0]).toMatchObject({ line: 1, endLine: 6, within: 'MessageErrorCode' })
    expect(messages[1]?.inner).toBe(messages[0])
  })

  it('reports "Error code:" on the first line with an empty message argument', () => {
    const [message] = recognizeWslMessages('Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80070424')
    expect(message).toMatchObject({ id: 'MessageErrorCode', line: 1, args: ['', 'Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80070424'] })
  })
})

describe('recognizeWslMessages: the zh-CN translation that reordered MessageConfigExpected', () => {
  it('recognises "{}:{} 中应为 {}" as WSL fills it (what, file, line in call order)', () => {
    const text = formatWslMessage('MessageConfigExpected', 'zh-CN', ["'='", 'C:\\Users\\alex\\.wslconfig', 3])
    expect(text).toBe("'=':C:\\Users\\alex\\.wslconfig 中应为 3")
    const [message] = recognizeWslMessages(`wsl: ${text}`)
    expect(message).toMatchObject({ id: 'MessageConfigExpected', language: 'zh-CN', args: ["'='", 'C:\\Users\\alex\\.wslconfig', '3'] })
  })

  it('still recognises it if a WSL version fills the template in the translated order', () => {
    const [message] = recognizeWslMessages("wsl: C:\\Users\\alex\\.wslconfig:3 中应为 '='")
    expect(message).toMatchObject({ id: 'MessageConfigExpected', language: 'zh-CN' })
  })
})

describe('recognizeWslMessages: every template of every language', () => {
  const sampleArgs = (id: WslMessageId, language: WslLanguage): string[] => {
    const count = wslMessageTemplate(id, language).split('{}').length - 1
    const kinds = messageArgKinds(id)
    return Array.from({ length: count }, (_, i) => {
      if (kinds[i] === 'int') return String(17 + i)
      if (kinds[i + 1] === 'int') return 'C:\\Users\\test user\\.wslconfig'
      if (id === 'MessageMirroredNetworkingNotSupportedReason')
        return formatWslMessage('MessageMirroredNetworkingNotSupportedWindowsVersion', language, [22000, 2836])
      return `sample${i}value`
    })
  }

  it('has the same number of placeholders in every language', () => {
    for (const id of wslMessageIds) {
      const counts = new Set(wslLanguages.map((language) => wslMessageTemplate(id, language).split('{}').length))
      expect([id, counts.size]).toEqual([id, 1])
    }
  })

  for (const language of wslLanguages) {
    it(`${language}: all ${wslMessageIds.length} messages, joined with CRLF and "wsl: " prefixes`, () => {
      let line = 1
      const expected: [string, string, readonly string[], number][] = []
      const blocks = wslMessageIds.map((id) => {
        const args = sampleArgs(id, language)
        const block = `wsl: ${formatWslMessage(id, language, args)}`.replace(/\n/g, '\r\n')
        expected.push([id, language, args, line])
        line += block.split('\r\n').length
        return block
      })
      const messages = recognizeWslMessages(blocks.join('\r\n'), { preferLanguage: language })
      expect(top(messages).map((m) => [m.id, m.language, m.args, m.line])).toEqual(expected)
      expect(top(messages).every((m) => m.prefixed && m.origin === 'resources')).toBe(true)
      const mirrored = messages.find((m) => m.id === 'MessageMirroredNetworkingNotSupportedReason')
      expect(mirrored?.inner).toMatchObject({ id: 'MessageMirroredNetworkingNotSupportedWindowsVersion', language, args: ['22000', '2836'] })
    })
  }

  it('recognises each mirrored reason nested in the outer message, in every language', () => {
    const reasons: readonly [WslMessageId, (string | number)[]][] = [
      ['MessageMirroredNetworkingNotSupportedWindowsVersion', [22000, 2836]],
      ['MessageMirroredNetworkingNotSupportedKernel', []],
      ['MessageMirroredNetworkingNotSupportedIpv6Disabled', []],
    ]
    for (const language of wslLanguages) {
      for (const [reason, args] of reasons) {
        const text = formatWslMessage('MessageMirroredNetworkingNotSupportedReason', language, [formatWslMessage(reason, language, args)])
        const [outer] = recognizeWslMessages(`wsl: ${text}`, { preferLanguage: language })
        expect([language, outer?.id, outer?.inner?.id, outer?.inner?.language]).toEqual([
          language,
          'MessageMirroredNetworkingNotSupportedReason',
          reason,
          language,
        ])
      }
    }
  })
})

describe('recognizeWslMessages: languages that share a template', () => {
  const text = "wsl: Unknown key 'wsl2.networkMode' in C:\\Users\\alex\\.wslconfig:2"
  it('reports en-US for text identical in en-US and en-GB', () => {
    expect(recognizeWslMessages(text)[0]?.language).toBe('en-US')
  })
  it('reports the preferred language when it shares the template', () => {
    expect(recognizeWslMessages(text, { preferLanguage: 'en-GB' })[0]?.language).toBe('en-GB')
  })
  it('ignores a preferred language whose template does not match', () => {
    expect(recognizeWslMessages(text, { preferLanguage: 'de-DE' })[0]?.language).toBe('en-US')
  })
})

describe('recognizeWslMessages: text it must not recognise', () => {
  const nearMisses = [
    'The quick brown fox jumps over the lazy dog.',
    'ping: connect: Network is unreachable',
    'Temporary failure in name resolution',
    'bash: wslinfo: command not found',
    'Failed to configure network',
    'Mirrored networking mode is not supported',
    'wsl: Failed to configure network (networkingMode Nat)',
    'I saw "Access is denied." in the terminal',
    'Unknown key in the config file',
    'Error code',
    'Windows version 22000 is old',
    'Hyper-V firewall is supported',
    '',
  ]
  for (const text of nearMisses) {
    it(`nothing in ${JSON.stringify(text)}`, () => {
      expect(recognizeWslMessages(text)).toEqual([])
    })
  }
})

describe('recognizeWslMessages: raw console leftovers', () => {
  it('ignores NULs from UTF-16LE read as 8-bit, and keeps line numbers', () => {
    const text = 'hello\r\nwsl: DNS Tunneling is not supported\r\n'.split('').join('\u0000')
    expect(recognizeWslMessages(text).map((m) => [m.id, m.line])).toEqual([['MessageDnsTunnelingNotSupported', 2]])
  })
})
