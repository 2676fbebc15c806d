import { describe, expect, it } from 'vitest'
import { parseWslList } from './parse-wsl-list'

describe('parseWslList', () => {
  it('reads names, states, versions and the default mark', () => {
    const text = [
      '  NAME              STATE           VERSION',
      '* Ubuntu-22.04      Running         2',
      '  docker-desktop    Stopped         2',
      '  Legacy            Stopped         1',
      '',
    ].join('\r\n')
    expect(parseWslList(text)).toEqual({
      distros: [
        { name: 'Ubuntu-22.04', state: 'Running', running: true, version: 2, isDefault: true },
        { name: 'docker-desktop', state: 'Stopped', running: false, version: 2, isDefault: false },
        { name: 'Legacy', state: 'Stopped', running: false, version: 1, isDefault: false },
      ],
      noDistributions: false,
    })
  })

  it('survives UTF-16LE read as 8-bit (NULs between characters, BOM)', () => {
    const text = '\uFEFF  NAME      STATE           VERSION\r\n* Ubuntu    Stopped         2\r\n'.split('').join('\u0000')
    expect(parseWslList(text)?.distros).toEqual([{ name: 'Ubuntu', state: 'Stopped', running: false, version: 2, isDefault: true }])
  })

  it('keeps states it does not know, as printed', () => {
    const text = '  NAME      STATE           VERSION\n  Debian    Converting      2\n  Fedora    Installing      2'
    expect(parseWslList(text)?.distros.map((d) => d.state)).toEqual(['Converting', 'Installing'])
  })

  it('reads a name with spaces from the right (WSL does not create such names, but imports are user-named)', () => {
    expect(parseWslList('  NAME   STATE   VERSION\n  My Distro   Stopped   2')?.distros[0]?.name).toBe('My Distro')
  })

  it('skips warnings printed before the table and stops at text after it', () => {
    const text =
      "wsl: Unknown key 'wsl2.networkMode' in C:\\Users\\alex\\.wslconfig:2\n  NAME      STATE     VERSION\n* Ubuntu    Running   2\n\nwsl: something 2"
    expect(parseWslList(text)?.distros.map((d) => d.name)).toEqual(['Ubuntu'])
  })

  it('reports no distributions (English message, current error code, any language via its tokens)', () => {
    const none = { distros: [], noDistributions: true }
    expect(
      parseWslList(
        'Windows Subsystem for Linux has no installed distributions.\r\nDistributions can be installed by visiting the Microsoft Store:\r\nhttps://aka.ms/wslstore\r\n',
      ),
    ).toEqual(none)
    // The sentence is localized; the error code after the localized label is not.
    expect(parseWslList('<localized sentence>\n错误代码: Wsl/WSL_E_DEFAULT_DISTRO_NOT_FOUND')).toEqual(none)
    expect(parseWslList('  NAME   STATE   VERSION\r\n')).toEqual(none)
  })

  it('returns null for anything else', () => {
    expect(parseWslList('')).toBeNull()
    expect(parseWslList('Usage: wsl.exe [Argument] [Options...] [CommandLine]')).toBeNull()
    expect(parseWslList('Windows Subsystem for Linux Distributions:\nUbuntu (Default)')).toBeNull()
  })
})
