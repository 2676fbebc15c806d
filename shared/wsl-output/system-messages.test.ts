import { describe, expect, it } from 'vitest'
import { findErrorCodes } from './error-codes'
import { knownHresults } from './hresults'
import { codesWithoutText, findSystemTextCodes, systemMessages } from './system-messages'

describe("Windows' system message texts (issue 11 #3)", () => {
  it('every text cites its source, and every known code has a text or is listed without one', () => {
    for (const m of systemMessages) {
      expect(
        knownHresults.map((h) => h.code),
        m.code,
      ).toContain(m.code)
      for (const t of [...m.texts['en-US'], ...m.texts['zh-CN']])
        expect(t.source, `${m.code} ${t.text}`).toMatch(/^https:\/\/(learn\.microsoft\.com|github\.com\/microsoft\/WSL\/issues)\//)
      expect(m.texts['en-US'].length + m.texts['zh-CN'].length, m.code).toBeGreaterThan(0)
    }
    expect([...systemMessages.map((m) => m.code), ...codesWithoutText].sort()).toEqual(knownHresults.map((h) => h.code).sort())
  })

  it('the text alone, as real WSL printed it, yields the code (#13766, #7746, #12442, #4405, #6300)', () => {
    expect(
      findErrorCodes(
        'The service cannot be started because it is disabled or has no enabled devices associated with it.\n\n[process exited with code 4294967295 (0xffffffff)]',
      ).map((r) => r.code),
    ).toContain('0x80070422')
    expect(
      findErrorCodes('The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.')[0],
    ).toMatchObject({ source: 'text', code: '0x80070422', symbol: 'ERROR_SERVICE_DISABLED' })
    expect(findSystemTextCodes('wsl: 指定的请求不受支持。')[0]).toMatchObject({ code: '0x803b0015', language: 'zh-CN', line: 1 })
    expect(findSystemTextCodes('参考的对象类型不支持尝试的操作。')[0]?.code).toBe('0x8007273d')
    // Inside a longer line, quoted (#6300).
    expect(findSystemTextCodes("Process 'wsl' failed: '参考的对象类型不支持尝试的操作。' and quit with 4294967295")[0]?.code).toBe('0x8007273d')
    expect(findSystemTextCodes('The attempted operation is not supported for the type of object referenced')[0]?.code).toBe('0x8007273d')
    // Printed above the bridged-mode error code (MicrosoftDocs/WSL#1801, microsoft/WSL#9218).
    expect(findSystemTextCodes('The virtual machine or container JSON document is invalid.')[0]).toMatchObject({ code: '0x8037010d', language: 'en-US' })
  })

  it('a printed code wins over its text: no second reference for the same failure', () => {
    const refs = findErrorCodes('wsl: The specified request is unsupported.\nError code: CreateInstance/CreateVm/ConfigureNetworking/0x803b0015')
    expect(refs.map((r) => [r.source, r.code])).toEqual([['path', '0x803b0015']])
    const named = findErrorCodes('Access is denied.\nError code: Wsl/Service/E_ACCESSDENIED')
    expect(named.map((r) => r.source)).toEqual(['path'])
  })

  it('prose that only resembles a text yields nothing', () => {
    expect(findSystemTextCodes('the service was started, and access is allowed')).toEqual([])
    expect(findSystemTextCodes('The specified request is unsupportedly slow')).toEqual([])
  })
})
