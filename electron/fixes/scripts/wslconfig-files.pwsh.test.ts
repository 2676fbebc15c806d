/**
 * wslconfig-write and undo-restore-file do REAL file I/O here: a temporary folder is the user's
 * profile (HOME and USERPROFILE; on Linux [Environment]::GetFolderPath('UserProfile') reads HOME),
 * and every byte is compared: UTF-16LE, UTF-8 BOM, GBK, CRLF, a lone CR, an odd trailing byte,
 * 1 MiB. Backups are kept, temp files are gone, and the "changed since the scan" and "only this
 * user's .wslconfig" guards refuse with the file untouched. Both scripts need Full Language
 * ([IO.File]::Replace); in Constrained Language Mode they refuse and the file stays as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { buildMachineView } from '../../../shared/diagnosis/machine-view'
import { snapshot as testSnapshot } from '../../../shared/diagnosis/test-support/test-snapshot'
import { findFix } from '../../../shared/repair/catalog'
import { buildPlan } from '../../../shared/repair/fix-definition'
import { allSteps } from '../../../shared/repair/fix-plan'
import { applyFix } from '../../simulated-pc/fix-effects'
import { wslconfigBytes, wslconfigPath } from '../../simulated-pc/wslconfig-bytes'
import { failureOf, stepResultOf } from '../../powershell/test-support/fix-machine'
import { nativeBytes, PwshHarness, type FakeWindows, type LanguageMode } from '../../powershell/test-support/pwsh-harness'

let harness: PwshHarness
const folders: string[] = []
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

/** A fresh profile folder, optionally with a .wslconfig. */
function profile(bytes: Buffer | null = null): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wnd-profile-'))
  folders.push(dir)
  const path = join(dir, '.wslconfig')
  if (bytes !== null) writeFileSync(path, bytes)
  return { dir, path }
}

const fake = (dir: string): FakeWindows => ({
  source: 'real files in a temporary profile folder (no recorded output)',
  env: { HOME: dir, USERPROFILE: dir },
  commands: {},
})
const b64 = (bytes: Buffer): string => bytes.toString('base64')
const others = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f !== '.wslconfig')
    .sort()

const write = (dir: string, input: unknown, mode: LanguageMode = 'FullLanguage') => harness.runFix('wslconfig-write', input, fake(dir), mode)
const undo = (dir: string, input: unknown, mode: LanguageMode = 'FullLanguage') => harness.runFix('undo-restore-file', input, fake(dir), mode)

const TEXT = '[wsl2]\nnetworkingMode=mirrored\n'
const SAMPLES: ReadonlyArray<readonly [string, Buffer]> = [
  ['UTF-16LE with BOM and CRLF', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[wsl2]\r\nmemory=4GB\r\n', 'utf16le')])],
  ['UTF-16LE without BOM', Buffer.from('[wsl2]\nmemory=4GB\n', 'utf16le')],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[wsl2]\nmemory=4GB\n', 'utf8')])],
  [
    'GBK bytes (a zh-CN comment)',
    Buffer.concat([Buffer.from('# ', 'latin1'), nativeBytes('\u5185\u5b58\u8bbe\u7f6e', 'gbk'), Buffer.from('\r\n[wsl2]\r\nmemory=4GB\r\n', 'latin1')]),
  ],
  ['a lone CR', Buffer.from('[wsl2]\rmemory=4GB\r', 'latin1')],
  ['an odd trailing byte', Buffer.concat([Buffer.from('[wsl2]\n', 'utf16le'), Buffer.from([0x0a])])],
]

describe('wslconfig-write', () => {
  it('creates .wslconfig when the scan found none, with no backup and no temp file left', async () => {
    const { dir, path } = profile()
    const result = await write(dir, { expectedBase64: null, contentBase64: b64(Buffer.from(TEXT)) })
    expect(stepResultOf(result)).toEqual({
      changed: true,
      rebootRequired: false,
      undo: { kind: 'restore-file', path, previousBase64: null, backupPath: null, writtenBase64: b64(Buffer.from(TEXT)) },
      detail: `Wrote ${TEXT.length} bytes to ${path}.`,
    })
    expect(readFileSync(path, 'utf8')).toBe(TEXT)
    expect(others(dir)).toEqual([])
  }, 120_000)

  for (const [what, before] of SAMPLES) {
    it(`replaces a file in ${what} byte for byte and keeps the old bytes in a backup`, async () => {
      const { dir, path } = profile(before)
      const after = Buffer.concat([before, before.subarray(0, 3)])
      const step = stepResultOf(await write(dir, { expectedBase64: b64(before), contentBase64: b64(after) }))
      expect(readFileSync(path).equals(after)).toBe(true)
      expect(step.undo).toMatchObject({ kind: 'restore-file', path, previousBase64: b64(before), writtenBase64: b64(after) })
      const backup = step.undo?.kind === 'restore-file' ? step.undo.backupPath : null
      expect(backup).toMatch(/\.wslconfig\.wnd-backup-\d{8}-\d{6}$/)
      expect(readFileSync(backup ?? '').equals(before)).toBe(true)
      expect(others(dir)).toEqual([backup?.slice(dir.length + 1)])
    }, 120_000)
  }

  it('writes a 1 MiB file and refuses one byte more', async () => {
    const { dir, path } = profile()
    const mib = Buffer.alloc(1048576, 0x61)
    expect(stepResultOf(await write(dir, { expectedBase64: null, contentBase64: b64(mib) })).changed).toBe(true)
    expect(readFileSync(path).equals(mib)).toBe(true)
    const refused = await write(dir, { expectedBase64: b64(mib), contentBase64: b64(Buffer.alloc(1048577, 0x61)) })
    expect(failureOf(refused).detail).toContain('larger than 1 MiB')
    expect(readFileSync(path).equals(mib)).toBe(true)
  }, 120_000)

  it('refuses a file that changed since the scan and leaves it untouched, without a backup', async () => {
    const { dir, path } = profile(Buffer.from('[wsl2]\nmemory=8GB\n'))
    const result = await write(dir, { expectedBase64: b64(Buffer.from('[wsl2]\nmemory=4GB\n')), contentBase64: b64(Buffer.from(TEXT)) })
    expect(failureOf(result).detail).toContain('changed since the scan')
    expect(readFileSync(path, 'utf8')).toBe('[wsl2]\nmemory=8GB\n')
    expect(others(dir)).toEqual([])
  }, 120_000)

  it('refuses a file created or deleted since the scan', async () => {
    const created = profile(Buffer.from('[wsl2]\n'))
    expect(failureOf(await write(created.dir, { expectedBase64: null, contentBase64: b64(Buffer.from(TEXT)) })).detail).toContain('was created since the scan')
    expect(readFileSync(created.path, 'utf8')).toBe('[wsl2]\n')
    const deleted = profile()
    expect(failureOf(await write(deleted.dir, { expectedBase64: b64(Buffer.from('[wsl2]\n')), contentBase64: b64(Buffer.from(TEXT)) })).detail).toContain(
      'was deleted since the scan',
    )
    expect(existsSync(deleted.path)).toBe(false)
  }, 120_000)

  it('changes nothing when the file already has the wanted bytes', async () => {
    const { dir } = profile(Buffer.from(TEXT))
    expect(stepResultOf(await write(dir, { expectedBase64: b64(Buffer.from(TEXT)), contentBase64: b64(Buffer.from(TEXT)) }))).toMatchObject({
      changed: false,
      undo: null,
    })
    expect(others(dir)).toEqual([])
  }, 120_000)

  it('gives a second backup in the same second its own name, never overwriting the first', async () => {
    const { dir } = profile(Buffer.from('one\n'))
    const first = stepResultOf(await write(dir, { expectedBase64: b64(Buffer.from('one\n')), contentBase64: b64(Buffer.from('two\n')) }))
    const second = stepResultOf(await write(dir, { expectedBase64: b64(Buffer.from('two\n')), contentBase64: b64(Buffer.from('three\n')) }))
    const names = [first, second].map((s) => (s.undo?.kind === 'restore-file' ? s.undo.backupPath : null))
    expect(new Set(names).size).toBe(2)
    expect(names.map((n) => readFileSync(n ?? '', 'utf8'))).toEqual(['one\n', 'two\n'])
  }, 120_000)

  it('refuses a folder or a link at the .wslconfig path', async () => {
    const folder = profile()
    mkdirSync(folder.path)
    expect(failureOf(await write(folder.dir, { expectedBase64: null, contentBase64: b64(Buffer.from(TEXT)) })).detail).toContain('is a folder; refused.')
    const link = profile()
    const target = join(link.dir, 'elsewhere.ini')
    writeFileSync(target, 'x')
    symlinkSync(target, link.path)
    expect(failureOf(await write(link.dir, { expectedBase64: b64(Buffer.from('x')), contentBase64: b64(Buffer.from(TEXT)) })).detail).toContain(
      'is a link; refused.',
    )
    expect(readFileSync(target, 'utf8')).toBe('x')
  }, 120_000)

  it('takes no path from input: a path field is ignored, the profile .wslconfig is written', async () => {
    const { dir, path } = profile()
    const elsewhere = join(dir, 'other.txt')
    await write(dir, { expectedBase64: null, contentBase64: b64(Buffer.from(TEXT)), path: elsewhere })
    expect(existsSync(elsewhere)).toBe(false)
    expect(readFileSync(path, 'utf8')).toBe(TEXT)
  }, 120_000)

  it('is refused as restricted by policy in Constrained Language Mode, the file untouched', async () => {
    const { dir, path } = profile(Buffer.from('[wsl2]\n'))
    const result = await write(dir, { expectedBase64: b64(Buffer.from('[wsl2]\n')), contentBase64: b64(Buffer.from(TEXT)) }, 'ConstrainedLanguage')
    expect(failureOf(result).failure).toBe('constrained-language')
    expect(readFileSync(path, 'utf8')).toBe('[wsl2]\n')
    expect(others(dir)).toEqual([])
  }, 120_000)
})

describe('undo-restore-file', () => {
  it('puts the previous bytes back and keeps the replaced content in a backup', async () => {
    const before = SAMPLES[0]?.[1] ?? Buffer.alloc(0)
    const { dir, path } = profile(Buffer.from(TEXT))
    const step = stepResultOf(await undo(dir, { kind: 'restore-file', path, previousBase64: b64(before), backupPath: null }))
    expect(step).toMatchObject({ changed: true, rebootRequired: false, undo: null })
    expect(readFileSync(path).equals(before)).toBe(true)
    const backups = others(dir)
    expect(backups).toHaveLength(1)
    expect(readFileSync(join(dir, backups[0] ?? ''), 'utf8')).toBe(TEXT)
    expect(step.detail).toBe(`Restored ${before.length} bytes to ${path}. The replaced content was kept in ${join(dir, backups[0] ?? '')}.`)
  }, 120_000)

  it('undoes "the file did not exist" by renaming the file aside, never deleting it', async () => {
    const { dir, path } = profile(Buffer.from(TEXT))
    const step = stepResultOf(await undo(dir, { path, previousBase64: null }))
    expect(step.changed).toBe(true)
    expect(existsSync(path)).toBe(false)
    const aside = others(dir)
    expect(aside[0]).toMatch(/^\.wslconfig\.wnd-undone-\d{8}-\d{6}$/)
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe(TEXT)
  }, 120_000)

  it('changes nothing when the file already is as before, or still absent', async () => {
    const same = profile(Buffer.from(TEXT))
    expect(stepResultOf(await undo(same.dir, { path: same.path, previousBase64: b64(Buffer.from(TEXT)) })).changed).toBe(false)
    const absent = profile()
    expect(stepResultOf(await undo(absent.dir, { path: absent.path, previousBase64: null })).changed).toBe(false)
    expect(others(same.dir)).toEqual([])
  }, 120_000)

  it('refuses, with the record\u2019s writtenBase64, a file edited after our change, and keeps the edit', async () => {
    const { dir, path } = profile(Buffer.from('[wsl2]\nmemory=16GB\n'))
    const input = { path, previousBase64: b64(Buffer.from('old\n')), writtenBase64: b64(Buffer.from(TEXT)) }
    expect(failureOf(await undo(dir, input)).detail).toContain('changed since our change; refused')
    expect(readFileSync(path, 'utf8')).toBe('[wsl2]\nmemory=16GB\n')
    expect(others(dir)).toEqual([])
    writeFileSync(path, TEXT)
    expect(stepResultOf(await undo(dir, input)).changed).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('old\n')
  }, 120_000)

  it('accepts the profile path in another letter case (Windows paths are case-insensitive)', async () => {
    const { dir, path } = profile(Buffer.from(TEXT))
    expect(stepResultOf(await undo(dir, { path: path.toUpperCase(), previousBase64: b64(Buffer.from('old\n')) })).changed).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe('old\n')
  }, 120_000)

  const REFUSED: ReadonlyArray<readonly [string, (dir: string) => unknown, string]> = [
    ['a file in another folder', (dir) => ({ path: join(dir, 'sub', '.wslconfig'), previousBase64: 'AA==' }), 'can be restored; refused'],
    ['a path that climbs out and back', (dir) => ({ path: `${dir}/sub/../.wslconfig`, previousBase64: 'AA==' }), 'can be restored; refused'],
    ['our own backup file', (dir) => ({ path: join(dir, '.wslconfig.wnd-backup-20261122-100000'), previousBase64: 'AA==' }), 'can be restored; refused'],
    ['a relative path', () => ({ path: '.wslconfig', previousBase64: 'AA==' }), 'can be restored; refused'],
    ['another user\u2019s profile', () => ({ path: 'C:\\Users\\Administrator\\.wslconfig', previousBase64: 'AA==' }), 'can be restored; refused'],
    [
      'an UndoRecord of another kind',
      (dir) => ({ kind: 'restore-registry-value', path: join(dir, '.wslconfig'), previousBase64: 'AA==' }),
      'Expected an UndoRecord of kind restore-file.',
    ],
    ['no path', () => ({ previousBase64: 'AA==' }), 'path and previousBase64 are required.'],
  ]
  for (const [what, input, message] of REFUSED) {
    it(`refuses ${what} and leaves .wslconfig untouched`, async () => {
      const { dir, path } = profile(Buffer.from(TEXT))
      expect(failureOf(await undo(dir, input(dir))).detail).toContain(message)
      expect(readFileSync(path, 'utf8')).toBe(TEXT)
      expect(others(dir)).toEqual([])
    }, 120_000)
  }

  it('is refused as restricted by policy in Constrained Language Mode, the file untouched', async () => {
    const { dir, path } = profile(Buffer.from(TEXT))
    expect(failureOf(await undo(dir, { path, previousBase64: 'AA==' }, 'ConstrainedLanguage')).failure).toBe('constrained-language')
    expect(readFileSync(path, 'utf8')).toBe(TEXT)
    expect(others(dir)).toEqual([])
  }, 120_000)
})

const NOW = new Date('2026-11-22T10:00:00.000Z')
const STAMP = /wnd-backup-\d{8}-\d{6}/g

describe('wslconfig-write agrees with fix-effects.ts for every shipped scenario', () => {
  for (const scenario of SCENARIOS) {
    it(
      scenario.id,
      async () => {
        const before = scenario.wslconfig === null ? null : Buffer.from(wslconfigBytes(scenario.wslconfig))
        // The plan writes in the file's own encoding and line ends (docs/knowledge/wslconfig.md).
        const config = scenario.wslconfig ?? { text: '', encoding: 'utf8' as const, lineEnding: 'lf' as const }
        const after = Buffer.from(wslconfigBytes({ ...config, text: `${config.text}[experimental]\nhostAddressLoopback=true\n` }))
        const { dir, path } = profile(before)
        const input = { expectedBase64: before === null ? null : b64(before), contentBase64: b64(after) }
        const real = stepResultOf(await write(dir, input))
        const simulated = applyFix(scenario, 'wslconfig-write', input, { now: NOW })
        expect(simulated.ok).toBe(true)
        if (!simulated.ok) return
        const simPath = wslconfigPath(scenario)
        const normalize = (text: string | null | undefined, from: string): string | undefined =>
          text?.split(from).join('<profile>\\.wslconfig').replace(STAMP, 'wnd-backup-<stamp>')
        expect({
          ...real,
          detail: normalize(real.detail, path),
          undo: real.undo?.kind === 'restore-file' ? { ...real.undo, path: '<p>', backupPath: normalize(real.undo.backupPath, path) } : real.undo,
        }).toEqual({
          ...simulated.result,
          detail: normalize(simulated.result.detail, simPath),
          undo:
            simulated.result.undo?.kind === 'restore-file'
              ? { ...simulated.result.undo, path: '<p>', backupPath: normalize(simulated.result.undo.backupPath, simPath) }
              : simulated.result.undo,
        })
        // What the simulated PC now holds must be the bytes the script wrote.
        const state = simulated.state.wslconfig
        expect(state === null ? null : Buffer.from(wslconfigBytes(state)).toString('hex')).toBe(readFileSync(path).toString('hex'))
        // ...read in the file's own encoding (a UTF-16LE file without BOM is not UTF-8 text with NULs).
        expect(state?.encoding).toBe(config.encoding)
        expect(state?.text).toBe(`${config.text}[experimental]\nhostAddressLoopback=true\n`)
      },
      120_000,
    )
  }
})

/**
 * The whole edit, as the app makes it: the catalog plans `wslconfig-set-nat` on the scanned bytes,
 * the real script writes them, and only the bytes of the edited value differ — BOM, encoding,
 * every other line's bytes (GBK included), line ends and a trailing odd byte stay.
 */
describe('a planned .wslconfig edit, written by the real script, changes only the edited bytes', () => {
  const gbk = nativeBytes('\u5185\u5b58\u8bbe\u7f6e', 'gbk')
  const latin = (s: string) => Buffer.from(s, 'latin1')
  const u16 = (s: string) => Buffer.from(s, 'utf16le')
  const CASES: ReadonlyArray<readonly [string, Buffer, Buffer]> = [
    ['UTF-8, CRLF', latin('# mine\r\n[wsl2]\r\nnetworkingMode=mirrored\r\nmemory=4GB\r\n'), latin('# mine\r\n[wsl2]\r\nnetworkingMode=nat\r\nmemory=4GB\r\n')],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# \u6211\n[wsl2]\nnetworkingMode=mirrored\n')]),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# \u6211\n[wsl2]\nnetworkingMode=nat\n')]),
    ],
    [
      'UTF-16LE with BOM and an odd trailing byte',
      Buffer.concat([Buffer.from([0xff, 0xfe]), u16('[wsl2]\r\nnetworkingMode=mirrored\r\n'), Buffer.from([0x0a])]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), u16('[wsl2]\r\nnetworkingMode=nat\r\n'), Buffer.from([0x0a])]),
    ],
    [
      'GBK comments by Notepad on Chinese Windows',
      Buffer.concat([latin('# '), gbk, latin('\r\n[wsl2]\r\nnetworkingMode=mirrored # '), gbk, latin('\r\n')]),
      Buffer.concat([latin('# '), gbk, latin('\r\n[wsl2]\r\nnetworkingMode=nat # '), gbk, latin('\r\n')]),
    ],
    ['mixed line ends, no line end at the end', latin('[wsl2]\nswap=0\r\nnetworkingMode=mirrored'), latin('[wsl2]\nswap=0\r\nnetworkingMode=nat')],
  ]
  for (const [what, before, expected] of CASES) {
    it(
      what,
      async () => {
        const fix = findFix('wslconfig-set-nat')
        if (!fix) throw new Error('no fix')
        const view = buildMachineView(
          testSnapshot({
            'windows-version': { currentBuild: '22000', ubr: 2836 },
            'wslconfig-file': { exists: true, sizeBytes: before.length, contentBase64: b64(before), policy: null },
          }),
        )
        expect(fix.unavailable(view, {})).toBeNull()
        const step = allSteps(buildPlan(fix, view, {})).find((s) => s.script === 'wslconfig-write')
        const { dir, path } = profile(before)
        stepResultOf(await write(dir, step?.input))
        expect(readFileSync(path).toString('hex')).toBe(expected.toString('hex'))
      },
      120_000,
    )
  }
})
