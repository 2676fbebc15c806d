import { describe, expect, it } from 'vitest'
import { findErrorCodes } from './error-codes'

describe('findErrorCodes: paths (docs/knowledge/error-codes.md#anatomy-of-a-wsl-error)', () => {
  it('#12019: the seed error', () => {
    const text = [
      'Failed to configure network (networkingMode Nat). To disable networking, set `wsl2.networkingMode=None` in C:\\Users\\mgold\\.wslconfig',
      'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002',
      'Press any key to continue...',
    ].join('\r\n')
    expect(findErrorCodes(text)).toEqual([
      {
        source: 'path',
        path: 'Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002',
        context: ['Wsl', 'Service', 'CreateInstance', 'CreateVm', 'ConfigureNetworking', 'HNS'],
        code: '0x80041002',
        hresult: 0x80041002,
        symbol: 'WBEM_E_NOT_FOUND',
        networking: true,
        hns: true,
        line: 2,
      },
    ])
  })

  it('#12442: the localized label (zh-CN 错误代码) and the path without Wsl/Service', () => {
    const text = 'wsl: 指定的请求不受支持。\n错误代码: CreateInstance/CreateVm/ConfigureNetworking/0x803B0015\n'
    const [ref] = findErrorCodes(text)
    expect(ref).toMatchObject({ code: '0x803b0015', hresult: 0x803b0015, symbol: 'HCN_E_REQUEST_UNSUPPORTED', networking: true, hns: false, line: 2 })
    expect(ref?.context).toEqual(['CreateInstance', 'CreateVm', 'ConfigureNetworking'])
  })

  it('#11980: a symbolic code maps to its HRESULT', () => {
    const [ref] = findErrorCodes('Error code: CreateInstance/CreateVm/ConfigureNetworking/HNS/E_ACCESSDENIED')
    expect(ref).toMatchObject({ code: 'E_ACCESSDENIED', hresult: 0x80070005, symbol: 'E_ACCESSDENIED', hns: true })
  })

  it('#11816: ERROR_FILE_NOT_FOUND; #11552: an unknown symbolic name keeps hresult null', () => {
    expect(findErrorCodes('Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/ERROR_FILE_NOT_FOUND')[0]?.hresult).toBe(0x80070002)
    expect(findErrorCodes('Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/ERROR_UNHANDLED_EXCEPTION')[0]).toMatchObject({
      code: 'ERROR_UNHANDLED_EXCEPTION',
      hresult: null,
      symbol: 'ERROR_UNHANDLED_EXCEPTION',
    })
  })

  it('#12074: Wsl/Service/CreateVm/… without CreateInstance', () => {
    expect(findErrorCodes('Error code: Wsl/Service/CreateVm/ConfigureNetworking/HNS/0x80070422')[0]).toMatchObject({
      code: '0x80070422',
      symbol: 'ERROR_SERVICE_DISABLED',
      networking: true,
    })
  })

  it('non-networking paths: HCS_E_HYPERV_NOT_INSTALLED and Wsl/Service/0x8000ffff (#8838)', () => {
    const refs = findErrorCodes(
      'Error code: Wsl/Service/RegisterDistro/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED\nCatastrophic failure\nError code: Wsl/Service/0x8000ffff',
    )
    expect(refs.map((ref) => [ref.code, ref.hresult, ref.networking, ref.hns])).toEqual([
      ['HCS_E_HYPERV_NOT_INSTALLED', 0x80370102, false, false],
      ['0x8000ffff', 0x8000ffff, false, false],
    ])
  })

  it('#10709: finds the path inside a one-line paste', () => {
    const text =
      'ailed to configure network (networkingMode Nat). To disable networking, set `wsl2.networkingMode=None` in C:\\Users\\xxxx\\.wslconfig Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002 Press any key to continue...'
    expect(findErrorCodes(text).map((ref) => ref.code)).toEqual(['0x80041002'])
  })

  it('#12442: output pasted twice gives each path once', () => {
    const block = 'wsl: 指定的请求不受支持。\n错误代码: CreateInstance/CreateVm/ConfigureNetworking/0x803b0015\n'
    expect(findErrorCodes(`${block}\n${block}`)).toHaveLength(1)
  })
})

describe('findErrorCodes: bare HRESULTs', () => {
  it('#12019 title: "Error: 0x80041002"', () => {
    expect(findErrorCodes('WSL2 cannot able to start, Error: 0x80041002')).toEqual([
      {
        source: 'bare',
        path: '0x80041002',
        context: [],
        code: '0x80041002',
        hresult: 0x80041002,
        symbol: 'WBEM_E_NOT_FOUND',
        networking: false,
        hns: false,
        line: 1,
      },
    ])
  })

  it('0x80370102 from the VM start failure, upper-case hex', () => {
    expect(findErrorCodes('Error: 0x80370102 The virtual machine could not be started')[0]).toMatchObject({
      code: '0x80370102',
      symbol: 'HCS_E_HYPERV_NOT_INSTALLED',
    })
    expect(findErrorCodes('Error: 0X80370102')).toEqual([])
    expect(findErrorCodes('HRESULT 0x803B002A')[0]?.code).toBe('0x803b002a')
  })

  it('skips a bare code that a path already reported (#12019 event text)', () => {
    const text = 'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002\nencountered an unexpected error: Not found (0x80041002).'
    expect(findErrorCodes(text).map((ref) => ref.source)).toEqual(['path'])
  })

  it('ignores exit codes and non-failure hex (#11802 "exited with code 4294967295 (0xffffffff)")', () => {
    expect(findErrorCodes('[process exited with code 4294967295 (0xffffffff)]')).toEqual([])
    expect(findErrorCodes('flags 0x00000008, address 0x7ffe1234')).toEqual([])
  })
})

describe('findErrorCodes: text without codes', () => {
  it('ignores URLs, Linux paths and prose', () => {
    expect(findErrorCodes('See https://github.com/microsoft/WSL/issues/12019 and /usr/lib/wsl/lib')).toEqual([])
    expect(findErrorCodes('TCP/IP/E_FAIL is not a WSL path')).toEqual([])
    expect(findErrorCodes('Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetwor')).toEqual([])
  })
})
