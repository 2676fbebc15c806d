import { describe, expect, it } from 'vitest'
import type { Channel, Input, Output } from '../../shared/ipc/contract'
import { createSimulatedRuntime } from '../simulated-pc/simulated-runtime'

/** The repair flow end to end through the real dispatcher and handlers, on simulated PCs. */
function pc(scenarioId: string) {
  const runtime = createSimulatedRuntime({ scenarioId, latencyScale: 0 })
  const events: unknown[] = []
  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await runtime.dispatch(channel, { frameUrl: null, isMainFrame: true }, input, (_event, payload) => events.push(payload))
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.detail ?? ''}`)
    return result.value as Output<C>
  }
  const scan = () => call('scan:run', { scanId: `scan-${Math.random().toString(16).slice(2, 12)}`, allowWslStart: true })
  async function plan(fixId: Input<'fix:plan'>['fixId'], phase = 0) {
    const response = await call('fix:plan', { fixId, options: {}, phase })
    if (!response.available) throw new Error(`${fixId} unavailable: ${response.reason.key}`)
    return { ...response, phase }
  }
  async function apply(fixId: Input<'fix:plan'>['fixId'], phase = 0) {
    const p = await plan(fixId, phase)
    return call('fix:apply', { fixId, options: {}, phase, digest: p.digest })
  }
  return { runtime, call, scan, plan, apply, events }
}

describe('repair on the seed PC (22000.2836 asking for mirrored)', () => {
  it('sets NAT, the warning goes away, and undo restores the file byte for byte', async () => {
    const seed = pc('seed-22000-mirrored')
    await seed.scan()
    const before = seed.runtime.host.scenario.wslconfig
    const p = await seed.plan('wslconfig-set-nat')
    expect(p.plan).toMatchObject({ needsAdmin: false, reboots: 0, reversibility: { kind: 'undoable' } })
    expect(p.plan.fileChange?.after).toBe('[wsl2]\r\nnetworkingMode=nat\r\n')
    const result = await seed.apply('wslconfig-set-nat')
    expect(result).toMatchObject({ status: 'completed', rebootRequired: false, nextPhase: null })
    if (result.status !== 'completed') return
    expect(result.verification?.resolved).toContain('mirrored-unsupported-windows')
    expect(result.verification?.after).not.toContain('mirrored-unsupported-windows')
    expect(seed.runtime.host.scenario.wslconfig?.text).toContain('networkingMode=nat')
    expect(seed.events.length).toBeGreaterThan(0)

    const history = await seed.call('fix:history', undefined)
    expect(history).toEqual([expect.objectContaining({ fixId: 'wslconfig-set-nat', undoable: true, undoneAt: null })])
    const undone = await seed.call('fix:undo', { entryId: result.entryId })
    expect(undone, JSON.stringify(undone)).toMatchObject({ status: 'undone' })
    expect(seed.runtime.host.scenario.wslconfig).toEqual(before)
    expect(await seed.call('fix:undo', { entryId: result.entryId })).toEqual({ status: 'nothing-to-undo' })
  })

  it('refuses to run a plan the user did not confirm (digest mismatch)', async () => {
    const seed = pc('seed-22000-mirrored')
    await seed.scan()
    expect(await seed.call('fix:apply', { fixId: 'wslconfig-set-nat', options: {}, phase: 0, digest: '00000000' })).toEqual({ status: 'plan-changed' })
  })

  it('plans nothing before a scan', async () => {
    const seed = pc('seed-22000-mirrored')
    expect(await seed.call('fix:plan', { fixId: 'wslconfig-set-nat', options: {} })).toEqual({ available: false, reason: { key: 'unavailable.noScan' } })
  })
})

describe('repair on the 0x80041002 PC: the ladder to healthy', () => {
  it('deleting the HNS network does not help; toggling VMP over two restarts does', async () => {
    const nat = pc('nat-0x80041002')
    await nat.scan()
    const hns = await nat.apply('delete-wsl-hns-network')
    expect(hns).toMatchObject({ status: 'completed' })
    if (hns.status === 'completed') expect(hns.verification?.remaining).toContain('nat-vmswitch-not-found')

    const first = await nat.apply('toggle-vmp', 0)
    expect(first).toMatchObject({ status: 'completed', rebootRequired: true, nextPhase: 1, verification: null })
    expect(await nat.call('system:restart', { fixId: 'toggle-vmp', options: {}, nextPhase: 1 })).toEqual({ status: 'restarting' })
    expect(await nat.call('session:resume', undefined)).toMatchObject({ fixId: 'toggle-vmp', nextPhase: 1, rebooted: true })

    await nat.scan()
    const second = await nat.apply('toggle-vmp', 1)
    expect(second).toMatchObject({ status: 'completed', rebootRequired: true, nextPhase: null })
    await nat.call('system:restart', { fixId: 'toggle-vmp', options: {}, nextPhase: null })
    const final = await nat.call('session:resume', undefined)
    expect(final).toMatchObject({ rebooted: true, nextPhase: null, findingsBefore: expect.arrayContaining(['nat-vmswitch-not-found']) })
    // "Before" is the PC before the first part, not the half-way state with VMP off.
    expect(final?.findingsBefore).not.toContain('vmp-missing')
    // Handed over once: the resume state is gone after the final restart was seen.
    expect(await nat.call('session:resume', undefined)).toBeNull()

    const after = await nat.scan()
    const { diagnose } = await import('../../shared/diagnosis/diagnose')
    expect(diagnose(after.snapshot).map((f) => f.id)).not.toContain('nat-vmswitch-not-found')
  })
})

describe('UAC and failures', () => {
  it('declining UAC changes nothing at all, not even the unelevated steps', async () => {
    const ics = pc('ics-disabled')
    await ics.scan()
    const before = ics.runtime.host.scenario
    ics.runtime.host.setUacResponse('decline')
    const result = await ics.apply('enable-sharedaccess')
    expect(result.status).toBe('declined')
    if (result.status === 'declined') expect(result.steps.every((s) => s.status === 'not-run')).toBe(true)
    expect(ics.runtime.host.scenario.services).toEqual(before.services)
    expect(ics.runtime.host.scenario.wsl.distros).toEqual(before.wsl.distros)
    ics.runtime.host.setUacResponse('approve')
    expect(await ics.apply('enable-sharedaccess')).toMatchObject({ status: 'completed' })
  })

  it('a failing step stops the fix and reports what ran and what did not', async () => {
    const vmp = pc('home-vmp-missing')
    await vmp.scan()
    vmp.runtime.host.setFailingStep('set-feature')
    const result = await vmp.apply('enable-vmp')
    expect(result).toMatchObject({ status: 'failed' })
    if (result.status !== 'failed') return
    const statuses = result.steps.map((s) => s.status)
    expect(statuses).toContain('failed')
    expect(statuses.indexOf('failed')).toBe(result.failedStep)
  })
})

describe('verify and resume carry the journey', () => {
  it('apply returns the re-read snapshot, with the networking check when WSL may start', async () => {
    const seed = pc('seed-22000-mirrored')
    await seed.scan()
    const result = await seed.apply('wslconfig-set-nat')
    expect(result.status).toBe('completed')
    if (result.status !== 'completed') return
    expect(result.snapshot?.facts['wslconfig-file']).toBeDefined()
    expect(result.snapshot?.facts['wsl-network-check']?.status).toBe('known')
    expect(result.verification).toMatchObject({ resolved: ['mirrored-unsupported-windows'], remaining: [], appeared: [] })
  })

  it('a restart keeps the consent to start WSL and the number of parts', async () => {
    const nat = pc('nat-0x80041002')
    await nat.scan()
    expect(await nat.apply('toggle-vmp', 0)).toMatchObject({ status: 'completed', nextPhase: 1 })
    await nat.call('system:restart', { fixId: 'toggle-vmp', options: {}, nextPhase: 1 })
    expect(await nat.call('session:resume', undefined)).toMatchObject({ allowWslStart: true, parts: 2, nextPhase: 1 })
  })
})
