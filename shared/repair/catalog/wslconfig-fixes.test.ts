import { describe, expect, it } from 'vitest'
import { buildMachineView } from '../../diagnosis/machine-view'
import { snapshot } from '../../diagnosis/test-support/test-snapshot'
import { decodeBase64, encodeBase64 } from '../../util/base64'
import { buildPlan } from '../fix-definition'
import { allSteps } from '../fix-plan'
import { findFix } from '.'

const GBK_NIHAO = [0xc4, 0xe3, 0xba, 0xc3]
const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')]

/** A scan that read these exact bytes from %UserProfile%\.wslconfig (null: no file). */
function pcWith(bytes: number[] | null) {
  return snapshot({
    'windows-version': { currentBuild: '22000', ubr: 2836 },
    'wslconfig-file':
      bytes === null
        ? { exists: false, sizeBytes: null, contentBase64: null, policy: null }
        : { exists: true, sizeBytes: bytes.length, contentBase64: encodeBase64(Uint8Array.from(bytes)), policy: null },
  })
}

function written(id: string, bytes: number[] | null): { expected: number[] | null; content: number[] } {
  const fix = findFix(id)
  if (!fix) throw new Error(`no fix ${id}`)
  const view = buildMachineView(pcWith(bytes))
  expect(fix.unavailable(view, {})).toBeNull()
  const write = allSteps(buildPlan(fix, view, {})).find((s) => s.script === 'wslconfig-write')
  const expectedBase64 = write?.input['expectedBase64']
  return {
    expected: typeof expectedBase64 === 'string' ? [...(decodeBase64(expectedBase64) ?? [])] : null,
    content: [...(decodeBase64(String(write?.input['contentBase64'])) ?? [])],
  }
}

describe('.wslconfig fixes write only the bytes of the lines they change', () => {
  it('a Notepad ANSI/GBK file keeps its GBK comments byte for byte', () => {
    const before = [...ascii('# '), ...GBK_NIHAO, ...ascii('\r\n[wsl2]\r\nnetworkingMode=mirrored\r\n')]
    const { expected, content } = written('wslconfig-set-nat', before)
    expect(expected).toEqual(before)
    expect(content).toEqual([...ascii('# '), ...GBK_NIHAO, ...ascii('\r\n[wsl2]\r\nnetworkingMode=nat\r\n')])
  })

  it('UTF-16LE with BOM and a trailing odd byte stays UTF-16LE with that byte', () => {
    const before = [0xff, 0xfe, ...Buffer.from('[wsl2]\r\nnetworkingMode=mirrored\r\n', 'utf16le'), 0x00]
    expect(written('wslconfig-set-nat', before).content).toEqual([0xff, 0xfe, ...Buffer.from('[wsl2]\r\nnetworkingMode=nat\r\n', 'utf16le'), 0x00])
  })

  it('mixed line ends are not normalised', () => {
    const before = ascii('[wsl2]\nmemory=4GB\r\nnetworkingMode=mirrored\n')
    expect(written('wslconfig-set-nat', before).content).toEqual(ascii('[wsl2]\nmemory=4GB\r\nnetworkingMode=nat\n'))
  })

  it('creates a missing file (the write expects no file)', () => {
    const { expected, content } = written('wslconfig-set-nat', null)
    expect(expected).toBeNull()
    expect(content).toEqual(ascii('[wsl2]\r\nnetworkingMode=nat\r\n'))
  })

  it('offers the manual edit, with the exact lines, when a value would have to be re-encoded', () => {
    // The misspelt key's value is GBK text: renaming the key would rewrite those bytes as U+FFFD.
    const before = [...ascii('[wsl2]\r\nkernelComandLine=quiet '), ...GBK_NIHAO, ...ascii('\r\n')]
    const fix = findFix('wslconfig-fix-key')
    const view = buildMachineView(pcWith(before))
    const reason = fix?.unavailable(view, {})
    expect(reason?.key).toBe('unavailable.manualEdit')
    expect(reason?.args?.['path']).toBe('C:\\Users\\alex\\.wslconfig')
    expect(String(reason?.args?.['lines'])).toMatch(/^\[wsl2\]\nkernelCommandLine=quiet /)
  })

  it('the re-encode fix names the encodings, so its diff is not the same text twice', () => {
    const before = [...Buffer.from('[wsl2]\r\nnetworkingMode=nat\r\n', 'utf16le')]
    const fix = findFix('wslconfig-reencode')
    if (!fix) throw new Error('no re-encode fix')
    const plan = buildPlan(fix, buildMachineView(pcWith(before)), {})
    expect(plan.fileChange).toMatchObject({ encodingBefore: 'utf16le-no-bom', encodingAfter: 'utf8' })
  })
})

describe('a file with lone CR line ends', () => {
  const before = ascii('# my settings\r[wsl2]\rnetworkingMode=mirrored\r')

  it('is found: WSL ignores the settings after the first #', () => {
    const view = buildMachineView(pcWith(before))
    expect(view.config.known && view.config.value?.hints.find((h) => h.id === 'lone-cr-line-ends')?.args).toEqual(['wsl2.networkingMode'])
  })

  it('gets CR LF line ends from the re-encode fix, every other byte kept', () => {
    expect(written('wslconfig-reencode', before).content).toEqual(ascii('# my settings\r\n[wsl2]\r\nnetworkingMode=mirrored\r\n'))
  })

  it('a lone-CR file WSL reads fully (no #) is left alone', () => {
    const view = buildMachineView(pcWith(ascii('[wsl2]\rnetworkingMode=mirrored\r')))
    expect(findFix('wslconfig-reencode')?.unavailable(view, {})).toEqual({ key: 'unavailable.noAutomaticCorrection' })
  })
})
