import { describe, expect, it } from 'vitest'
import { BatchResult, StepResult } from '../../shared/repair/step-result'
import { wslconfigWriteStep } from '../../shared/repair/steps'
import type { FixScriptId } from '../../shared/repair/fix-scripts'
import { findScenario } from '../../shared/scenarios'
import type { Scenario } from '../../shared/scenarios/scenario'
import type { ElevatedOutcome } from '../powershell/elevator'
import { readEnvelope } from '../powershell/envelope'
import type { PsScript } from '../powershell/host'
import { natFailureCure } from './fix-effects'
import { mirroredReadiness } from './mirrored-readiness-model'
import { natFailureOf } from './nat-failure-model'
import { networkAdapters } from './network-adapters-model'
import { SimulatedPcHost } from './simulated-pc-host'
import { virtualizationFact } from './virtualization-model'
import { winsockCatalog } from './winsock-catalog-model'
import { wslconfigBytes } from './wslconfig-bytes'
import { simulateWslStart } from './wsl-startup-model'

// The simulated PC applies fixes as Windows would (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#delete-wsl-hns-network, docs/knowledge/fixes.md#restore-points, docs/knowledge/host-causes.md#ics-disabled, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry,
// docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/host-causes.md#vmware-leftovers, #10054): unelevated steps through `run('fix:<id>')`, elevated ones in one batch.

const SENTINEL = 'WND-TEST:'
const OPTIONS = { timeoutMs: 60_000 }

function scenario(id: string): Scenario {
  const found = findScenario(id)
  if (found === undefined) throw new Error(`no scenario ${id}`)
  return found
}

function host(id: string | Scenario): SimulatedPcHost {
  let tick = Date.parse('2026-11-21T09:00:00Z')
  const now = () => new Date((tick += 1000))
  return new SimulatedPcHost(typeof id === 'string' ? scenario(id) : id, { latencyScale: 0, now })
}

function script(id: string, input: unknown): PsScript {
  return { id, text: '', input, sentinel: SENTINEL }
}

type Step = { script: FixScriptId; input: unknown }

async function batch(pc: SimulatedPcHost, ...steps: Step[]): Promise<BatchResult> {
  const outcome = await pc.runElevated(script('fix-batch', { steps }), OPTIONS)
  if (outcome.kind !== 'completed') throw new Error(`elevation ${outcome.kind}`)
  const reading = readEnvelope(outcome.stdout, SENTINEL)
  if (reading.kind !== 'data') throw new Error(`batch answered ${reading.kind}`)
  return BatchResult.parse(reading.data)
}

async function runUser(pc: SimulatedPcHost, id: string, input: unknown): Promise<ReturnType<typeof readEnvelope>> {
  const outcome = await pc.run(script(`fix:${id}`, input), OPTIONS)
  if (!outcome.ok) throw new Error(`host failed: ${outcome.error.kind}`)
  return readEnvelope(outcome.stdout, SENTINEL)
}

async function userStep(pc: SimulatedPcHost, id: FixScriptId, input: unknown): Promise<StepResult> {
  const reading = await runUser(pc, id, input)
  if (reading.kind !== 'data') throw new Error(`${id}: ${reading.kind === 'script-error' ? reading.detail : reading.detail}`)
  return StepResult.parse(reading.data)
}

const vmp = (enable: boolean): Step => ({ script: 'set-feature', input: { feature: 'VirtualMachinePlatform', enable } })
const crlf = (text: string) => new Uint8Array(Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'))

describe('wslconfig-write and undo-restore-file (docs/knowledge/wslconfig.md)', () => {
  it('seed PC: networkingMode=nat + wsl --shutdown → WSL starts in NAT without the mirrored warning', async () => {
    const pc = host('seed-22000-mirrored')
    const before = simulateWslStart(pc.scenario)
    expect(before.lines.join('\n')).toMatch(/[Mm]irrored/)
    const current = wslconfigBytes(pc.scenario.wslconfig as NonNullable<Scenario['wslconfig']>)
    const step = wslconfigWriteStep('C:\\Users\\lei\\.wslconfig', current, crlf('[wsl2]\nnetworkingMode=nat\n'))
    const result = await userStep(pc, 'wslconfig-write', step.input)
    expect(result).toMatchObject({
      changed: true,
      rebootRequired: false,
      undo: { kind: 'restore-file', path: 'C:\\Users\\lei\\.wslconfig', previousBase64: Buffer.from(current).toString('base64') },
    })
    expect(pc.scenario.runtime?.files?.map((f) => f.path)).toEqual([expect.stringMatching(/^C:\\Users\\lei\\\.wslconfig\.wnd-backup-\d{8}-\d{6}$/)])
    await userStep(pc, 'wsl-shutdown', {})
    const after = simulateWslStart(pc.scenario)
    expect(after.mode).toBe('nat')
    expect(after.exitCode).toBe(0)
    expect(after.lines.join('\n')).not.toMatch(/[Mm]irrored/)
  })

  it('writes the bytes exactly and is idempotent', async () => {
    const pc = host('seed-22000-mirrored')
    const current = wslconfigBytes(pc.scenario.wslconfig as NonNullable<Scenario['wslconfig']>)
    const wanted = crlf('[wsl2]\nnetworkingMode=nat\n')
    await userStep(pc, 'wslconfig-write', wslconfigWriteStep('p', current, wanted).input)
    expect(Buffer.from(wslconfigBytes(pc.scenario.wslconfig as NonNullable<Scenario['wslconfig']>))).toEqual(Buffer.from(wanted))
    const again = await userStep(pc, 'wslconfig-write', wslconfigWriteStep('p', wanted, wanted).input)
    expect(again).toEqual({ changed: false, rebootRequired: false, undo: null, detail: expect.any(String) })
  })

  it('refuses when the file changed since the scan (expectedBase64 mismatch), changing nothing', async () => {
    const pc = host('seed-22000-mirrored')
    const state = pc.scenario
    const step = wslconfigWriteStep('p', crlf('[wsl2]\nnetworkingMode=mirrored\nmemory=4GB\n'), crlf('[wsl2]\n'))
    const reading = await runUser(pc, 'wslconfig-write', step.input)
    expect(reading.kind).toBe('script-error')
    expect(reading.kind === 'script-error' && reading.detail).toMatch(/changed since the scan/)
    expect(pc.scenario).toEqual(state)
  })

  it('refuses to create a file the scan saw as absent when it now exists', async () => {
    const pc = host('seed-22000-mirrored')
    const reading = await runUser(pc, 'wslconfig-write', wslconfigWriteStep('p', null, crlf('[wsl2]\n')).input)
    expect(reading.kind === 'script-error' && reading.detail).toMatch(/created since the scan/)
  })

  it('undo puts the previous bytes back; undoing a created file renames it aside', async () => {
    const pc = host('seed-22000-mirrored')
    const original = wslconfigBytes(pc.scenario.wslconfig as NonNullable<Scenario['wslconfig']>)
    const written = await userStep(pc, 'wslconfig-write', wslconfigWriteStep('p', original, crlf('[wsl2]\nnetworkingMode=nat\n')).input)
    if (written.undo?.kind !== 'restore-file') throw new Error('unreachable')
    // The journal sends the record's path and previous bytes (electron/repair/undo-entry.ts).
    const undone = await userStep(pc, 'undo-restore-file', { path: written.undo.path, previousBase64: written.undo.previousBase64 })
    expect(undone.changed).toBe(true)
    expect(Buffer.from(wslconfigBytes(pc.scenario.wslconfig as NonNullable<Scenario['wslconfig']>))).toEqual(Buffer.from(original))

    const fresh = host('nat-0x80041002')
    const created = await userStep(fresh, 'wslconfig-write', wslconfigWriteStep('p', null, crlf('[wsl2]\nnetworkingMode=none\n')).input)
    expect(created.undo).toMatchObject({ kind: 'restore-file', previousBase64: null, backupPath: null })
    await userStep(fresh, 'undo-restore-file', created.undo)
    expect(fresh.scenario.wslconfig).toBeNull()
    expect(fresh.scenario.runtime?.files?.[0]?.path).toMatch(/\.wslconfig\.wnd-undone-/)
  })

  it("undo refuses any path but the user's .wslconfig", async () => {
    const pc = host('seed-22000-mirrored')
    const reading = await runUser(pc, 'undo-restore-file', { kind: 'restore-file', path: 'C:\\Windows\\win.ini', previousBase64: null, backupPath: null })
    expect(reading.kind === 'script-error' && reading.detail).toMatch(/Only C:\\Users\\lei\\\.wslconfig can be restored/)
  })
})

describe('elevated batch (docs/security.md#elevation)', () => {
  it('UAC declined or failed: nothing is applied', async () => {
    const pc = host('wslservice-disabled')
    const state = pc.scenario
    pc.setUacResponse('decline')
    const declined = await pc.runElevated(
      script('fix-batch', { steps: [{ script: 'service-start-type', input: { name: 'WSLService', startType: 'manual' } }] }),
      OPTIONS,
    )
    expect(declined.kind).toBe('declined')
    pc.setUacResponse('fail')
    const failed: ElevatedOutcome = await pc.runElevated(script('fix-batch', { steps: [] }), OPTIONS)
    expect(failed.kind).toBe('failed')
    const { runtime: _ignored, ...rest } = pc.scenario
    expect(rest).toEqual(state)
  })

  it('a failing step stops the batch and reports what ran', async () => {
    const pc = host('ics-disabled')
    pc.setFailingStep('set-feature')
    const result = await batch(pc, { script: 'service-start-type', input: { name: 'SharedAccess', startType: 'manual' } }, vmp(true), {
      script: 'hypervisor-launch-auto',
      input: {},
    })
    expect(result.steps).toEqual([
      {
        ok: true,
        index: 0,
        result: expect.objectContaining({ changed: true, undo: { kind: 'restore-service-start', name: 'SharedAccess', startType: 'disabled' } }),
      },
      { ok: false, index: 1, error: expect.stringMatching(/set-feature: simulated failure/) },
    ])
    expect(pc.scenario.services['SharedAccess']?.startType).toBe('manual')
    expect(pc.scenario.runtime?.pending).toBeUndefined()
  })

  it('a restore point that cannot be created stops the batch before any change (docs/knowledge/fixes.md#restore-points)', async () => {
    const base = scenario('wslservice-disabled')
    const pc = host({ ...base, runtime: { systemProtection: false } })
    const result = await batch(
      pc,
      { script: 'restore-point', input: { description: 'WSL Network Doctor' } },
      { script: 'service-start-type', input: { name: 'WSLService', startType: 'manual' } },
    )
    expect(result.steps).toEqual([{ ok: false, index: 0, error: expect.stringMatching(/System Protection is off/) }])
    expect(pc.scenario.services['WSLService']?.startType).toBe('disabled')
  })

  it('records a restore point with a new sequence number', async () => {
    const pc = host('healthy-win11-24h2')
    await batch(pc, { script: 'restore-point', input: { description: 'first' } }, { script: 'restore-point', input: { description: 'second' } })
    expect(pc.scenario.runtime?.restorePoints?.map((p) => [p.sequenceNumber, p.description])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ])
  })

  it('refuses inputs outside the allow-lists and per-user steps inside the elevated batch', async () => {
    const pc = host('nat-0x80041002')
    expect((await batch(pc, { script: 'set-feature', input: { feature: 'Microsoft-Hyper-V-All', enable: false } })).steps[0]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/input refused/),
    })
    expect((await batch(pc, { script: 'service-start-type', input: { name: 'mpssvc', startType: 'disabled' } })).steps[0]).toMatchObject({ ok: false })
    expect((await batch(pc, { script: 'winsock-reset', input: { extra: 1 } })).steps[0]).toMatchObject({ ok: false })
    expect((await batch(pc, { script: 'wslconfig-write', input: { expectedBase64: null, contentBase64: '' } })).steps[0]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/runs as the user/),
    })
  })

  it('an elevated script run as the user is denied, as on Windows', async () => {
    const pc = host('wslservice-disabled')
    const reading = await runUser(pc, 'service-start-type', { name: 'WSLService', startType: 'manual' })
    expect(reading).toMatchObject({ kind: 'script-error', accessDenied: true })
    expect(pc.scenario.services['WSLService']?.startType).toBe('disabled')
  })
})

describe('services (docs/knowledge/error-codes.md#triage-bot-rules, docs/knowledge/host-causes.md#ics-disabled)', () => {
  it('WSLService disabled → Manual: WSL starts again; undo record keeps "disabled"', async () => {
    const pc = host('wslservice-disabled')
    expect(simulateWslStart(pc.scenario).exitCode).toBe(-1)
    const [step] = (await batch(pc, { script: 'service-start-type', input: { name: 'WSLService', startType: 'manual' } })).steps
    expect(step).toMatchObject({
      ok: true,
      result: { changed: true, rebootRequired: false, undo: { kind: 'restore-service-start', name: 'WSLService', startType: 'disabled' } },
    })
    expect(pc.scenario.services['WSLService']).toEqual({ startType: 'manual', status: 'Stopped' })
    expect(simulateWslStart(pc.scenario).exitCode).toBe(0)
    const again = await batch(pc, { script: 'service-start-type', input: { name: 'WSLService', startType: 'manual' } })
    expect(again.steps[0]).toMatchObject({ ok: true, result: { changed: false } })
  })

  it('SharedAccess disabled → Manual: the NAT network can be created', async () => {
    const pc = host('ics-disabled')
    expect(natFailureOf(pc.scenario)?.cause).toBe('ics-disabled')
    await batch(pc, { script: 'service-start-type', input: { name: 'SharedAccess', startType: 'manual' } })
    expect(natFailureOf(pc.scenario)).toBeNull()
  })
})

describe('registry values (docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry, docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode)', () => {
  it('IPv6 DisabledComponents is removed (restart required) and undo puts 255 back', async () => {
    const pc = host('ipv6-disabled-mirrored')
    const [step] = (await batch(pc, { script: 'remove-ipv6-disabled-components', input: {} })).steps
    expect(step).toMatchObject({
      ok: true,
      result: { changed: true, rebootRequired: true, undo: { kind: 'restore-registry-value', value: 'ipv6-disabled-components', previous: 255 } },
    })
    expect(mirroredReadiness(pc.scenario).ipv6DisabledComponents).toBeNull()
    const again = await batch(pc, { script: 'remove-ipv6-disabled-components', input: {} })
    expect(again.steps[0]).toMatchObject({ ok: true, result: { changed: false } })
    if (step?.ok !== true) throw new Error('unreachable')
    if (step.result.undo?.kind !== 'restore-registry-value') throw new Error('unreachable')
    // The journal sends the record's fields (electron/repair/undo-entry.ts): value and previous.
    await batch(pc, { script: 'undo-registry-value', input: { value: step.result.undo.value, previous: step.result.undo.previous } })
    expect(mirroredReadiness(pc.scenario).ipv6DisabledComponents).toBe(255)
  })

  it('a Group Policy Preferences value comes back at the next restart (#11002: a GPO wrote DisabledComponents=0xFF at every start)', async () => {
    const pc = host('ipv6-disabled-by-domain-gpo')
    const [step] = (await batch(pc, { script: 'remove-ipv6-disabled-components', input: {} })).steps
    expect(step).toMatchObject({ ok: true, result: { changed: true, rebootRequired: true } })
    expect(mirroredReadiness(pc.scenario).ipv6DisabledComponents).toBeNull()
    pc.reboot()
    expect(mirroredReadiness(pc.scenario).ipv6DisabledComponents).toBe(255)
    // Without the policy the removal lasts.
    const plain = host('ipv6-disabled-mirrored')
    await batch(plain, { script: 'remove-ipv6-disabled-components', input: {} })
    plain.reboot()
    expect(mirroredReadiness(plain.scenario).ipv6DisabledComponents).toBeNull()
  })

  it('HyperVFirewallDisable is removed without a restart', async () => {
    const pc = host('hyperv-firewall-disabled-mirrored')
    const [step] = (await batch(pc, { script: 'remove-hyperv-firewall-disable', input: {} })).steps
    expect(step).toMatchObject({ ok: true, result: { changed: true, rebootRequired: false, undo: { value: 'hyperv-firewall-disable', previous: 1 } } })
    expect(mirroredReadiness(pc.scenario).hyperVFirewallDisable).toBeNull()
  })

  it('PortTrackerEnabledMode is removed only while FSE is absent', async () => {
    const base = scenario('healthy-win11-24h2')
    const pc = host({ ...base, host: { ...base.host, portTrackerEnabledMode: 2 } })
    const [step] = (await batch(pc, { script: 'remove-port-tracker', input: {} })).steps
    expect(step).toMatchObject({ ok: true, result: { changed: true, rebootRequired: true, undo: { value: 'port-tracker-enabled-mode', previous: 2 } } })
    const withFse = host({ ...base, host: { ...base.host, portTrackerEnabledMode: 2, fseServiceExists: true } })
    expect((await batch(withFse, { script: 'remove-port-tracker', input: {} })).steps[0]).toMatchObject({ ok: false, error: expect.stringMatching(/FSE/) })
  })
})

describe('HNS network and NAT failures (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/error-codes.md#hresult-table, docs/knowledge/fixes.md#delete-wsl-hns-network, docs/knowledge/fixes.md#the-fix-ladder, docs/knowledge/host-causes.md#vmware-leftovers, #10054)', () => {
  it('nat-0x80041002: deleting the HNS network does not cure; toggling VMP across two restarts does', async () => {
    const pc = host('nat-0x80041002')
    expect(natFailureCure(pc.scenario)).toBe('toggle-vmp')
    await userStep(pc, 'wsl-shutdown', {})
    const deleted = await batch(pc, { script: 'delete-wsl-hns-network', input: {} })
    expect(deleted.steps[0]).toMatchObject({ ok: true, result: { changed: false } })
    expect(simulateWslStart(pc.scenario).exitCode).toBe(-1)
    pc.reboot()
    expect(simulateWslStart(pc.scenario).exitCode).toBe(-1)

    const off = await batch(pc, vmp(false))
    expect(off.steps[0]).toMatchObject({ ok: true, result: { changed: true, rebootRequired: true } })
    // DISM's change waits for the restart: the probe still reads Enabled.
    expect(virtualizationFact(pc.scenario).features['VirtualMachinePlatform']).toBe('Enabled')
    pc.reboot()
    expect(virtualizationFact(pc.scenario).features['VirtualMachinePlatform']).toBe('Disabled')
    await batch(pc, vmp(true))
    expect(simulateWslStart(pc.scenario).exitCode).not.toBe(0)
    pc.reboot()
    const start = simulateWslStart(pc.scenario)
    expect(start).toMatchObject({ exitCode: 0, mode: 'nat' })
    expect(pc.bootCount).toBe(4)
  })

  it("hns-stale-0x803b0001: deleting WSL's HNS network cures it", async () => {
    const pc = host('hns-stale-0x803b0001')
    expect(simulateWslStart(pc.scenario).exitCode).toBe(-1)
    const result = await batch(pc, { script: 'delete-wsl-hns-network', input: {} })
    expect(result.steps[0]).toMatchObject({ ok: true, result: { changed: true, rebootRequired: false, undo: null } })
    expect(simulateWslStart(pc.scenario)).toMatchObject({ exitCode: 0, mode: 'nat' })
  })

  it('hns-stale-0x803b0001: a restart alone clears the stale network (docs/knowledge/fixes.md#the-fix-ladder step 6)', () => {
    const pc = host('hns-stale-0x803b0001')
    pc.reboot()
    expect(pc.scenario.host.natNetworkFailure).toBeNull()
  })

  it('refuses to delete the network while the WSL VM runs (docs/knowledge/fixes.md#delete-wsl-hns-network)', async () => {
    const base = scenario('hns-stale-0x803b0001')
    const pc = host({ ...base, wsl: { ...base.wsl, distros: base.wsl.distros.map((d) => ({ ...d, running: true })) } })
    expect((await batch(pc, { script: 'delete-wsl-hns-network', input: {} })).steps[0]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/wsl --shutdown/),
    })
  })

  it('vmware-leftovers: cleanup removes CLSID and binding; the NAT failure clears after the restart', async () => {
    const pc = host('vmware-leftovers')
    expect(natFailureCure(pc.scenario)).toBe('vmware-cleanup')
    const [step] = (await batch(pc, { script: 'vmware-cleanup', input: {} })).steps
    expect(step).toMatchObject({ ok: true, result: { changed: true, rebootRequired: true, undo: null } })
    const adapters = networkAdapters(pc.scenario)
    expect(adapters.vmwareClsidPresent).toBe(false)
    expect(adapters.bindings.filter((b) => b.componentId === 'vmware_bridge')).toEqual([])
    expect(pc.scenario.runtime?.files?.[0]?.path).toMatch(/^C:\\ProgramData\\WslNetworkDoctor\\backups\\vmware-clsid-\d{8}-\d{6}\.reg$/)
    expect(simulateWslStart(pc.scenario).exitCode).toBe(-1)
    pc.reboot()
    expect(simulateWslStart(pc.scenario)).toMatchObject({ exitCode: 0, mode: 'nat' })
  })

  it('wsl-update: a current WSL falls back to VirtioProxy instead of failing (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback)', async () => {
    const pc = host('nat-0x80041002')
    const result = await userStep(pc, 'wsl-update', { preRelease: false })
    expect(result).toMatchObject({ changed: true, rebootRequired: false })
    expect(pc.scenario.wsl.version).toBe('2.6.1.0')
    expect(simulateWslStart(pc.scenario)).toMatchObject({ exitCode: 0, mode: 'virtioproxy' })
  })

  it('a scenario can declare that wsl-update cures its NAT failure', async () => {
    const base = scenario('nat-0x80041002')
    const pc = host({ ...base, host: { ...base.host, natFailureCuredBy: 'wsl-update' } })
    await userStep(pc, 'wsl-update', { preRelease: true })
    expect(simulateWslStart(pc.scenario)).toMatchObject({ exitCode: 0, mode: 'nat' })
  })
})

describe('restarts, features, hypervisor and Winsock (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/host-causes.md#virtualization-off)', () => {
  it('reboot: boot counter and LastBootUpTime advance, distributions stop; fix:boot-time reads it', async () => {
    const base = scenario('healthy-win11-24h2')
    const pc = host({ ...base, wsl: { ...base.wsl, distros: base.wsl.distros.map((d) => ({ ...d, running: true })) } })
    const before = pc.lastBootUpTime
    expect(pc.bootCount).toBe(1)
    pc.reboot()
    expect(pc.bootCount).toBe(2)
    expect(Date.parse(pc.lastBootUpTime)).toBeGreaterThan(Date.parse(before))
    expect(pc.scenario.wsl.distros.every((d) => !d.running)).toBe(true)
    expect(await runUser(pc, 'boot-time', null)).toEqual({ kind: 'data', languageMode: 'FullLanguage', data: { lastBootUpTime: pc.lastBootUpTime } })
  })

  it('enable VMP on Home: pending until the restart, then the hypervisor runs', async () => {
    const pc = host('home-vmp-missing')
    const [step] = (await batch(pc, vmp(true))).steps
    expect(step).toMatchObject({ ok: true, result: { changed: true, rebootRequired: true } })
    expect(virtualizationFact(pc.scenario).features['VirtualMachinePlatform']).not.toBe('Enabled')
    const again = await batch(pc, vmp(true))
    expect(again.steps[0]).toMatchObject({ ok: true, result: { changed: false, rebootRequired: true } })
    pc.reboot()
    expect(virtualizationFact(pc.scenario).features['VirtualMachinePlatform']).toBe('Enabled')
  })

  it('hypervisorlaunchtype Off → Auto after the restart', async () => {
    const base = scenario('healthy-win11-24h2')
    const pc = host({ ...base, host: { ...base.host, hypervisorLaunchType: 'Off' } })
    expect(virtualizationFact(pc.scenario).hypervisorPresent).toBe(false)
    const [step] = (await batch(pc, { script: 'hypervisor-launch-auto', input: {} })).steps
    expect(step).toMatchObject({ ok: true, result: { changed: true, rebootRequired: true } })
    expect(virtualizationFact(pc.scenario).hypervisorPresent).toBe(false)
    pc.reboot()
    expect(virtualizationFact(pc.scenario).hypervisorPresent).toBe(true)
  })

  it('winsock reset: the LSP entries disappear after the restart', async () => {
    const pc = host('winsock-lsp-proxifier')
    const lsp = (s: Scenario) => winsockCatalog(s).entries.filter((e) => e.providerPath.includes('Proxifier')).length
    expect(lsp(pc.scenario)).toBeGreaterThan(0)
    await batch(pc, { script: 'winsock-reset', input: {} })
    expect(lsp(pc.scenario)).toBeGreaterThan(0)
    pc.reboot()
    expect(lsp(pc.scenario)).toBe(0)
    expect(simulateWslStart(pc.scenario).exitCode).toBe(0)
  })
})

describe('WSL 1 fallback (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#the-fix-ladder step 10)', () => {
  it('export, convert and set the default: WSL starts as WSL 1', async () => {
    const pc = host('nat-0x80041002')
    const exported = await userStep(pc, 'wsl-export', { distro: 'Ubuntu' })
    expect(exported.detail).toMatch(/C:\\Users\\mgold\\WslNetworkDoctor\\backups\\Ubuntu-\d{8}-\d{6}\.tar/)
    await userStep(pc, 'wsl-set-version', { distro: 'Ubuntu', version: 1 })
    await userStep(pc, 'wsl-set-default-version', { version: 1 })
    expect(pc.scenario.wsl.defaultVersion).toBe(1)
    expect(simulateWslStart(pc.scenario).mode).toBe('wsl1')
  })

  it('refuses a distribution that is not installed, and WSL 1 without its component', async () => {
    const pc = host('nat-0x80041002')
    expect((await runUser(pc, 'wsl-export', { distro: 'Debian' })).kind).toBe('script-error')
    expect((await runUser(pc, 'wsl-export', { distro: 'Ubuntu; rm -rf' })).kind).toBe('script-error')
    const noWsl1 = host('vmware-leftovers')
    const reading = await runUser(noWsl1, 'wsl-set-version', { distro: 'Ubuntu-22.04', version: 1 })
    expect(reading.kind === 'script-error' && reading.detail).toMatch(/Microsoft-Windows-Subsystem-Linux/)
  })
})
