import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StepResult } from '../../../shared/repair/step-result'
import { LANGUAGE_MODES, PwshHarness, type LanguageMode, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import {
  forbiddenNative,
  loadRecorded,
  makeRoots,
  nativeCalls,
  setupCase,
  writeHnsModule,
  type FakeRoots,
} from '../../powershell/test-support/wsl-maintenance-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

async function remove(name: string, mode: LanguageMode, prepare: (roots: FakeRoots) => void, input: unknown = {}): Promise<ScriptRun> {
  const roots = makeRoots({ programs: [] })
  try {
    prepare(roots)
    const setup = setupCase(loadRecorded('delete-wsl-hns-network', name), roots, { changesLike: 'delete networks *' })
    return await harness.run({ id: 'fix:delete-wsl-hns-network', body: harness.catalog.fix('delete-wsl-hns-network'), input, mode, ...setup })
  } finally {
    roots.dispose()
  }
}

const removals = (run: ScriptRun) => run.calls.filter((c) => c.name === 'Remove-HnsNetwork').map((c) => c.arguments['Id'])

describe.each(LANGUAGE_MODES)('delete-wsl-hns-network.ps1 in %s', (mode) => {
  it('deletes only the WSL network through the System32 module and returns exactly one StepResult', async () => {
    const run = await remove('module-wsl-and-default-switch', mode, (roots) => writeHnsModule(roots))
    expect(run.reading.kind).toBe('data')
    // An array here (the module's DELETE response before the result) is what the batch rejects.
    expect(StepResult.safeParse(run.reading.kind === 'data' ? run.reading.data : null).success).toBe(true)
    expect(run.reading.kind === 'data' && run.reading.data).toEqual({
      changed: true,
      rebootRequired: false,
      undo: null,
      detail: "Remove-HnsNetwork: deleted WSL {b95d0c5e-57d4-412b-b571-18a81a16e005}. HNS recreates the network at WSL's next start.",
    })
    expect(removals(run)).toEqual(['B95D0C5E-57D4-412B-B571-18A81A16E005'])
    expect(forbiddenNative(run.calls)).toEqual([])
  }, 120_000)

  it('fails when HNS answers the listing with an error the module writes from its own scope', async () => {
    const run = await remove('module-hns-error', mode, (roots) => writeHnsModule(roots))
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('Get-HnsNetwork failed:') })
    expect(removals(run)).toEqual([])
  }, 120_000)

  it('fails when the module cannot be imported', async () => {
    const run = await remove('module-wsl-and-default-switch', mode, (roots) => writeHnsModule(roots, { broken: true }))
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('vmcompute.dll could not be loaded') })
    expect(removals(run)).toEqual([])
  }, 120_000)

  it('uses hnsdiag.exe without the module, deletes the WSL id only and checks it is gone', async () => {
    const run = await remove('hnsdiag-wsl', mode, (roots) => writeProgram(roots, 'hnsdiag.exe'))
    expect(run.reading.kind === 'data' && run.reading.data).toEqual({
      changed: true,
      rebootRequired: false,
      undo: null,
      detail: "hnsdiag.exe delete networks: deleted {b95d0c5e-57d4-412b-b571-18a81a16e005}. HNS recreates the network at WSL's next start.",
    })
    expect(nativeCalls(run.calls).map((c) => `${c.file} ${c.args.join(' ')}`)).toEqual([
      'hnsdiag.exe list networks',
      'hnsdiag.exe delete networks b95d0c5e-57d4-412b-b571-18a81a16e005',
      'hnsdiag.exe list networks',
    ])
    expect(forbiddenNative(run.calls)).toEqual([])
  }, 120_000)

  it('never loads a HostNetworkingService module found through PSModulePath', async () => {
    const run = await remove('hnsdiag-wsl', mode, (roots) => writeProgram(roots, 'hnsdiag.exe'))
    expect(run.calls.filter((c) => c.name === 'Remove-HnsNetwork')).toEqual([])
  }, 120_000)

  it('fails when neither the module nor hnsdiag.exe exists', async () => {
    const run = await remove('hnsdiag-wsl', mode, () => undefined)
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('hnsdiag.exe is available.') })
    expect(nativeCalls(run.calls)).toEqual([])
  }, 120_000)

  it('refuses while the WSL VM runs', async () => {
    const run = await remove('vm-running', mode, (roots) => writeHnsModule(roots))
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('The WSL VM is still running') })
    expect(removals(run)).toEqual([])
  }, 120_000)

  it('refuses any input', async () => {
    const run = await remove('module-wsl-and-default-switch', mode, (roots) => writeHnsModule(roots), { networks: ['Default Switch'] })
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('This step takes no input.') })
    expect(removals(run)).toEqual([])
  }, 120_000)
})

function writeProgram(roots: FakeRoots, name: string): void {
  writeFileSync(join(roots.systemRoot, 'System32', name), '')
}
