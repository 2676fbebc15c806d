/**
 * The real wslconfig-file.ps1 in PowerShell 7 (Full and Constrained Language Mode), reading REAL
 * files in a temporary profile folder (USERPROFILE/HOME point there; the file cmdlets pass through
 * to PowerShell's own), in the encodings users' editors write: UTF-16LE without BOM (Notepad's old
 * "Unicode" without BOM tools), UTF-8 with BOM, GBK (a Chinese ANSI editor), and the 1 MiB cap.
 * The policy key is faked (HKLM\SOFTWARE\Policies\WSL). Every shipped scenario against the simulated PC.
 *
 * Content: __recorded__/wslconfig-file/valid_docs_example.wslconfig (the example of
 * https://learn.microsoft.com/windows/wsl/wsl-config#example-wslconfig-file).
 */
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FactOf } from '../../../shared/probes/facts'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { wslconfigBytes } from '../../simulated-pc/wslconfig-bytes'
import { LANGUAGE_MODES, PwshHarness, nativeBytes, type FakeWindows } from '../../powershell/test-support/pwsh-harness'
import { factOf } from '../../powershell/test-support/system-probes-fakes'

const SAMPLE = readFileSync(join(__dirname, '__recorded__', 'wslconfig-file', 'valid_docs_example.wslconfig'), 'utf8')
const POLICY_KEY = 'HKLM:\\SOFTWARE\\Policies\\WSL'

let harness: PwshHarness
const folders: string[] = []
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(async () => {
  await harness.dispose()
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

/** A fresh profile folder with these files; every variable the script may read is set each time. */
function profileWith(files: Record<string, Uint8Array>): string {
  const folder = mkdtempSync(join(tmpdir(), 'wnd-profile-'))
  folders.push(folder)
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes)
  return folder
}

function fakeFor(folder: string, policy: Record<string, unknown> | null = null): FakeWindows {
  return {
    source: [
      'a real file in a temporary profile folder',
      'policy values: https://learn.microsoft.com/windows/wsl/enterprise (WSL group policy in HKLM\\SOFTWARE\\Policies\\WSL)',
    ],
    env: { USERPROFILE: folder, HOME: folder },
    commands: {
      'Test-Path': { rules: [{ match: { LiteralPath: POLICY_KEY }, result: policy !== null }], passThrough: true },
      'Get-ItemProperty': {
        rules:
          policy === null
            ? []
            : [
                {
                  match: { LiteralPath: POLICY_KEY },
                  result: {
                    ...policy,
                    PSPath: 'Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\WSL',
                    PSProvider: 'Microsoft.PowerShell.Core\\Registry',
                  },
                },
              ],
      },
    },
  }
}

describe.each(LANGUAGE_MODES)('wslconfig-file.ps1 in %s', (mode) => {
  it.each([
    ['UTF-16LE without BOM', nativeBytes(SAMPLE, 'utf16le')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')])],
    ['GBK with Chinese comments', nativeBytes(`# 网络设置\r\n[wsl2]\r\nnetworkingMode=mirrored # 镜像\r\n`, 'gbk')],
    ['exactly 1 MiB', Buffer.alloc(1024 * 1024, 0x20)],
  ])(
    'returns the bytes of a file in %s exactly',
    async (_label, bytes) => {
      const folder = profileWith({ '.wslconfig': bytes })
      const fact = factOf('wslconfig-file', await harness.runProbe('wslconfig-file', fakeFor(folder), mode))
      expect(fact.exists).toBe(true)
      expect(fact.path).toBe(join(folder, '.wslconfig'))
      expect(fact.sizeBytes).toBe(bytes.length)
      expect(Buffer.from(fact.contentBase64 ?? 'x', 'base64').equals(Buffer.from(bytes))).toBe(true)
    },
    300_000,
  )

  it('gives the size but no content for a file over 1 MiB', async () => {
    const folder = profileWith({ '.wslconfig': Buffer.alloc(1024 * 1024 + 1, 0x20) })
    const fact = factOf('wslconfig-file', await harness.runProbe('wslconfig-file', fakeFor(folder), mode))
    expect(fact).toMatchObject({ exists: true, sizeBytes: 1024 * 1024 + 1, contentBase64: null })
  }, 60_000)

  it('lists a misnamed lookalike file when .wslconfig is missing, and reads the policy values', async () => {
    const folder = profileWith({ '.wslconfig.txt': Buffer.from(SAMPLE, 'utf8') })
    const run = await harness.runProbe(
      'wslconfig-file',
      fakeFor(folder, { AllowNetworkingModeUserSetting: { $int32: 0 }, DefaultNetworkingMode: { $int32: 1 } }),
      mode,
    )
    expect(factOf('wslconfig-file', run)).toEqual({
      path: join(folder, '.wslconfig'),
      exists: false,
      sizeBytes: null,
      contentBase64: null,
      lastWriteTimeUtc: null,
      lookalikeFiles: [join(folder, '.wslconfig.txt')],
      policy: { AllowNetworkingModeUserSetting: 0, DefaultNetworkingMode: 1 },
    })
  }, 60_000)

  it('answers like the simulated PC for every shipped scenario (path compared by file name)', async () => {
    for (const scenario of SCENARIOS) {
      const expected = probeResponse('wslconfig-file', scenario) as FactOf<'wslconfig-file'>
      const files: Record<string, Uint8Array> = {}
      if (scenario.wslconfig) files['.wslconfig'] = wslconfigBytes(scenario.wslconfig)
      for (const lookalike of scenario.lookalikeFiles) files[lookalike.split('\\').at(-1) ?? lookalike] = new Uint8Array()
      const folder = profileWith(files)
      // The simulated PC's write time, so lastWriteTimeUtc can be compared too.
      if (expected.lastWriteTimeUtc !== null) utimesSync(join(folder, '.wslconfig'), new Date(expected.lastWriteTimeUtc), new Date(expected.lastWriteTimeUtc))
      const policy =
        scenario.policy === null ? null : Object.fromEntries(Object.entries(scenario.policy).map(([k, v]) => [k, typeof v === 'number' ? { $int32: v } : v]))
      const fact = factOf('wslconfig-file', await harness.runProbe('wslconfig-file', fakeFor(folder, policy), mode))
      const byName = (path: string) => path.split(/[\\/]/).at(-1)
      expect({ ...fact, path: byName(fact.path), lookalikeFiles: fact.lookalikeFiles.map(byName) }, scenario.id).toEqual({
        ...expected,
        path: byName(expected.path),
        lookalikeFiles: expected.lookalikeFiles.map(byName),
      })
    }
  }, 300_000)
})
