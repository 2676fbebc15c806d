import { describe, expect, it } from 'vitest'
import { formatWslMessage } from '../wsl-messages/messages'
import { wslLanguages } from './message-catalog'
import { parseWslVersionOutput } from './parse-wsl-version'

const modern = {
  wslVersion: '2.6.1.0',
  kernelVersion: '6.6.87.2-1',
  wslgVersion: '1.0.66',
  msrdcVersion: '1.2.6353',
  direct3dVersion: '1.611.1-81528511',
  dxcoreVersion: '10.0.26100.1-240331-1435.ge-release',
  windowsVersion: '10.0.26100.6899',
}

describe('parseWslVersionOutput', () => {
  it('#13600: English output', () => {
    const text = [
      'WSL version: 2.6.1.0',
      'Kernel version: 6.6.87.2-1',
      'WSLg version: 1.0.66',
      'MSRDC version: 1.2.6353',
      'Direct3D version: 1.611.1-81528511',
      'DXCore version: 10.0.26100.1-240331-1435.ge-release',
      'Windows version: 10.0.26100.6899',
    ].join('\r\n')
    expect(parseWslVersionOutput(text)).toEqual(modern)
  })

  it('#12486: zh-CN labels with full-width colons', () => {
    const text = [
      'WSL 版本： 2.3.26.0',
      '内核版本： 5.15.167.4-1',
      'WSLg 版本： 1.0.65',
      'MSRDC 版本： 1.2.5620',
      'Direct3D 版本： 1.611.1-81528511',
      'DXCore 版本： 10.0.26100.1-240331-1435.ge-release',
      'Windows 版本： 10.0.26100.1742',
    ].join('\n')
    expect(parseWslVersionOutput(text)).toEqual({
      wslVersion: '2.3.26.0',
      kernelVersion: '5.15.167.4-1',
      wslgVersion: '1.0.65',
      msrdcVersion: '1.2.5620',
      direct3dVersion: '1.611.1-81528511',
      dxcoreVersion: '10.0.26100.1-240331-1435.ge-release',
      windowsVersion: '10.0.26100.1742',
    })
  })

  it('#11389: an older DXCore build string, inside a pasted session', () => {
    const text = [
      '> wsl --version',
      'WSL version: 2.1.5.0',
      'Kernel version: 5.15.146.1-2',
      'WSLg version: 1.0.60',
      'MSRDC version: 1.2.5105',
      'Direct3D version: 1.611.1-81528511',
      'DXCore version: 10.0.25131.1002-220531-1700.rs-onecore-base2-hyp',
      'Windows version: 10.0.22631.3296',
    ].join('\n')
    expect(parseWslVersionOutput(text)).toMatchObject({
      wslVersion: '2.1.5.0',
      dxcoreVersion: '10.0.25131.1002-220531-1700.rs-onecore-base2-hyp',
      windowsVersion: '10.0.22631.3296',
    })
  })

  it('the seed machine: Windows 10.0.22000.2836 with WSL 2.1.5', () => {
    const text = formatWslMessage('MessagePackageVersions', 'en-US', [
      '2.1.5.0',
      '5.15.146.1-2',
      '1.0.60',
      '1.2.5105',
      '1.611.1-81528511',
      '10.0.25131.1002-220531-1700.rs-onecore-base2-hyp',
      '10.0.22000.2836',
    ])
    expect(parseWslVersionOutput(text)?.windowsVersion).toBe('10.0.22000.2836')
  })

  for (const language of wslLanguages) {
    it(`${language}: the translated labels, UTF-16 NULs and CRLF`, () => {
      const text = formatWslMessage('MessagePackageVersions', language, Object.values(modern)).replace(/\n/g, '\r\n')
      expect(parseWslVersionOutput(text.split('').join('\u0000'))).toEqual(modern)
    })
  }

  it('places values by position when the labels are unknown (a future translation)', () => {
    const text = Object.values(modern)
      .map((value, i) => `Etiqueta ${i}: ${value}`)
      .join('\n')
    expect(parseWslVersionOutput(text)).toEqual(modern)
  })

  it('keeps what labels tell when the output is cut short', () => {
    expect(parseWslVersionOutput('WSL version: 2.0.9.0\nKernel version: 5.15.133.1-1\n')).toEqual({
      wslVersion: '2.0.9.0',
      kernelVersion: '5.15.133.1-1',
      wslgVersion: null,
      msrdcVersion: null,
      direct3dVersion: null,
      dxcoreVersion: null,
      windowsVersion: null,
    })
  })

  it('returns null for inbox wsl.exe usage text (docs/knowledge/wsl-checks.md#console-output-of-wsl)', () => {
    const usage = [
      'Copyright (c) Microsoft Corporation. All rights reserved.',
      '',
      'Usage: wsl.exe [Argument] [Options...] [CommandLine]',
      '',
      'Arguments for running Linux binaries:',
      '',
      '    If no command line is provided, wsl.exe launches the default shell.',
      '',
      '    --exec, -e <CommandLine>',
      '        Execute the specified command without using the default Linux shell.',
    ].join('\r\n')
    expect(parseWslVersionOutput(usage)).toBeNull()
  })

  it('returns null for errors and garbage', () => {
    expect(parseWslVersionOutput('')).toBeNull()
    expect(parseWslVersionOutput('wsl: The specified request is unsupported.')).toBeNull()
    expect(parseWslVersionOutput('Linux version 5.15.167.4-microsoft-standard-WSL2 (root@f9c826d3017f) (gcc (GCC) 11.2.0)')).toBeNull()
    expect(parseWslVersionOutput('1.2.3\n4.5.6')).toBeNull()
  })
})
