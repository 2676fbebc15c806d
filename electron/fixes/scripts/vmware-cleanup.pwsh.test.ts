import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { applyFix } from '../../simulated-pc/fix-effects'
import { LANGUAGE_MODES, PwshHarness, type LanguageMode, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { loadRecorded, makeRoots, nativeCalls, setupCase } from '../../powershell/test-support/wsl-maintenance-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

const KEY = 'HKLM\\SOFTWARE\\Classes\\CLSID\\{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b}'
// reg.exe export writes the .reg file it is given (argument 2).
const REG_EXPORT = { argsLike: 'export *', pathIndex: 2, text: 'Windows Registry Editor Version 5.00\r\n' }

async function cleanup(name: string, mode: LanguageMode, input: unknown = {}): Promise<ScriptRun & { backups: string[] }> {
  const roots = makeRoots()
  try {
    const setup = setupCase(loadRecorded('vmware-cleanup', name), roots, { writes: [REG_EXPORT] })
    const run = await harness.run({ id: 'fix:vmware-cleanup', body: harness.catalog.fix('vmware-cleanup'), input, mode, ...setup })
    const folder = join(roots.programData, 'WslNetworkDoctor', 'backups')
    return { ...run, backups: existsSync(folder) ? readdirSync(folder) : [] }
  } finally {
    roots.dispose()
  }
}

describe.each(LANGUAGE_MODES)('vmware-cleanup.ps1 in %s', (mode) => {
  it('backs the CLSID key up, deletes only it, and disables vmware_bridge on every adapter, hidden ones included', async () => {
    const run = await cleanup('leftovers', mode)
    expect(run.reading.kind).toBe('data')
    const data = run.reading.kind === 'data' ? (run.reading.data as Record<string, unknown>) : {}
    expect(data).toMatchObject({ changed: true, rebootRequired: true, undo: null })
    expect(String(data['detail'])).toMatch(
      /^deleted HKLM\\SOFTWARE\\Classes\\CLSID\\\{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b\} \(backup: .*vmware-clsid-\d{8}-\d{6}\.reg\); disabled vmware_bridge on 'Wi-Fi'; disabled vmware_bridge on 'Ethernet 3'\. Restart Windows to finish\.$/,
    )
    expect(run.backups).toHaveLength(1)
    const natives = nativeCalls(run.calls).map((c) => [c.file, ...c.args.map((a) => a.replace(/^.*[\\/]backups([\\/].*)?$/, '<backups>$1'))].join(' '))
    expect(natives.map((l) => l.replace(/[\\/]vmware-clsid-\d{8}-\d{6}\.reg/, '/<file>'))).toEqual([
      'icacls.exe <backups> /setowner *S-1-5-32-544',
      'icacls.exe <backups> /reset',
      'icacls.exe <backups> /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F',
      `reg.exe export ${KEY} <backups>/<file>`,
      `reg.exe delete ${KEY} /f`,
    ])
    const disabled = run.calls.filter((c) => c.name === 'Disable-NetAdapterBinding').map((c) => c.arguments)
    expect(disabled).toEqual([
      { Name: 'Wi-Fi', ComponentID: 'vmware_bridge', IncludeHidden: true, AllBindings: true, Confirm: false },
      { Name: 'Ethernet 3', ComponentID: 'vmware_bridge', IncludeHidden: true, AllBindings: true, Confirm: false },
    ])
    expect(run.calls.find((c) => c.name === 'Get-NetAdapterBinding')?.arguments).toMatchObject({ IncludeHidden: true, AllBindings: true })
  }, 120_000)

  it('changes nothing on a clean PC', async () => {
    const run = await cleanup('clean', mode)
    expect(run.reading.kind === 'data' && run.reading.data).toEqual({
      changed: false,
      rebootRequired: false,
      undo: null,
      detail: 'No VMware leftovers found; nothing changed.',
    })
    expect(nativeCalls(run.calls)).toEqual([])
    expect(run.calls.filter((c) => c.name === 'Disable-NetAdapterBinding')).toEqual([])
  }, 120_000)

  it('refuses any input before changing anything', async () => {
    const run = await cleanup('leftovers', mode, { key: 'HKLM\\SOFTWARE' })
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('This step takes no input.') })
    expect(nativeCalls(run.calls)).toEqual([])
  }, 120_000)

  it('agrees with the simulated PC on the VMware leftovers scenario', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'vmware-leftovers')
    expect(scenario).toBeDefined()
    const simulated = applyFix(scenario!, 'vmware-cleanup', {}, { now: new Date('2026-11-21T09:00:00Z') })
    const run = await cleanup('leftovers', mode)
    const data = run.reading.kind === 'data' ? (run.reading.data as Record<string, unknown>) : {}
    // The detail names the adapters and the backup path, which differ between the fixture and the scenario.
    expect(simulated.ok && { changed: simulated.result.changed, rebootRequired: simulated.result.rebootRequired, undo: simulated.result.undo }).toEqual({
      changed: data['changed'],
      rebootRequired: data['rebootRequired'],
      undo: data['undo'],
    })
  }, 120_000)
})
