import { describe, expect, it } from 'vitest'
import { compareFindings } from '../diagnosis/compare-findings'
import { diagnose } from '../diagnosis/diagnose'
import { buildMachineView } from '../diagnosis/machine-view'
import type { NetworkingStatus } from '../diagnosis/networking-verdict'
import { snapshot, withService, wslconfig } from '../diagnosis/test-support/test-snapshot'
import type { MachineSnapshot } from '../machine/snapshot'
import type { FixId } from '../diagnosis/fix-ids'
import { findFix } from './catalog'
import { verifyVerdict } from './verify-verdict'

function verdict(fixId: FixId, before: MachineSnapshot, after: MachineSnapshot, networking: NetworkingStatus, tried: FixId[] = [], changedPc = false) {
  const findingsBefore = diagnose(before)
  const findingsAfter = diagnose(after)
  return verifyVerdict({
    fixId,
    comparison: compareFindings(findingsBefore, findingsAfter, findFix(fixId)?.addresses ?? []),
    findingsAfter,
    findingsBefore,
    viewAfter: buildMachineView(after),
    viewBefore: buildMachineView(before),
    networking,
    tried,
    changedPc,
  })
}

const disabled = snapshot({ services: withService('WSLService', { startType: 'disabled', status: 'Stopped' }) })
const ok = snapshot()

describe('verifyVerdict: exactly one of four answers', () => {
  it('works only when the finding is gone and the networking check passed', () => {
    expect(verdict('enable-wslservice', disabled, ok, { kind: 'works' }).kind).toBe('works')
  })

  it('the cause is gone but networking fails: names a next step', () => {
    const v = verdict('enable-wslservice', disabled, ok, { kind: 'fails', failed: ['dns-resolution'] })
    expect(v).toMatchObject({ kind: 'cause-gone-still-fails', failed: ['dns-resolution'], next: { kind: 'report' } })
  })

  it('not fixed while the same finding is still listed, whatever the networking check says', () => {
    const v = verdict('enable-wslservice', disabled, disabled, { kind: 'works' })
    expect(v).toMatchObject({ kind: 'not-fixed', remaining: ['wsl-service-disabled'] })
  })

  it('a cause the fix removed that is there again after it changed the PC "came back" (#11002: a GPO writes DisabledComponents at start-up)', () => {
    const mirrored = wslconfig('[wsl2]\nnetworkingMode=mirrored\n')
    const ipv6Off = snapshot({ 'mirrored-readiness': { ipv6DisabledComponents: 0xff }, 'wslconfig-file': mirrored })
    const v = verdict('remove-ipv6-disabled-components', ipv6Off, ipv6Off, { kind: 'works' }, [], true)
    expect(v).toMatchObject({ kind: 'not-fixed', remaining: ['mirrored-ipv6-disabled'], cameBack: ['mirrored-ipv6-disabled'] })
    // A fix that changed nothing (already as wanted, or stopped before its end) says nothing of the kind.
    expect(verdict('remove-ipv6-disabled-components', ipv6Off, ipv6Off, { kind: 'works' }, [], false)).toMatchObject({ kind: 'not-fixed', cameBack: [] })
    // Nor does a fix that only restarts (its fit is not "removes the cause").
    const icsOff = snapshot({ services: withService('SharedAccess', { startType: 'disabled', status: 'Stopped' }) })
    expect(verdict('wsl-shutdown', icsOff, icsOff, { kind: 'works' }, [], true)).toMatchObject({ kind: 'not-fixed', cameBack: [] })
  })

  it("can't tell without the networking check", () => {
    expect(verdict('enable-wslservice', disabled, ok, { kind: 'not-checked' })).toMatchObject({ kind: 'cant-tell', reason: 'networking-not-checked' })
    expect(verdict('enable-wslservice', ok, ok, { kind: 'works' })).toMatchObject({ kind: 'cant-tell', reason: 'nothing-to-compare' })
  })

  it('a workaround leaves the cause "still true", with what would remove it', () => {
    const seed = snapshot({
      'windows-version': { currentBuild: '22000', ubr: 2836, displayVersion: '21H2' },
      'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\n'),
    })
    const nat = snapshot({
      'windows-version': { currentBuild: '22000', ubr: 2836, displayVersion: '21H2' },
      'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=nat\n'),
    })
    const v = verdict('wslconfig-set-nat', seed, nat, { kind: 'works' })
    expect(v.kind).toBe('works')
    if (v.kind !== 'works') return
    expect(v.stillTrue).toEqual([{ findingId: 'mirrored-unsupported-windows', options: [expect.objectContaining({ fixId: 'windows-feature-update' })] }])
  })

  it("networking still fails after a workaround: the cause's other rung is next", async () => {
    const { SCENARIOS } = await import('../scenarios')
    expect(SCENARIOS.some((s) => s.id === 'vpn-anyconnect-nat')).toBe(true)
    const vpn = {
      'network-adapters': {
        adapters: [{ name: 'VPN', interfaceDescription: 'Cisco AnyConnect Virtual Miniport Adapter', status: 'Up', hidden: false }],
        bindings: [],
        vmwareClsidPresent: false,
        phantomAdapterCount: 0,
      },
    }
    const before = snapshot(vpn)
    const after = snapshot({ ...vpn, 'wslconfig-file': wslconfig('[wsl2]\ndnsTunneling=true\n') })
    const v = verdict('wslconfig-enable-dns-tunneling', before, after, { kind: 'fails', failed: ['tcp-443'] })
    expect(v).toMatchObject({
      kind: 'cause-gone-still-fails',
      stillTrue: [{ findingId: 'vpn-detected' }],
      next: { kind: 'rung', findingId: 'vpn-detected', rung: { fixId: 'wslconfig-set-mirrored' } },
    })
  })

  it('after a rung fails, the next one not tried yet is named', () => {
    const v = verdict('enable-wslservice', disabled, disabled, { kind: 'not-checked' })
    // enable-wslservice is the only rung: nothing left, the finding is named instead of "the next fix on the list".
    expect(v).toMatchObject({ kind: 'not-fixed', next: { kind: 'finding', findingId: 'wsl-service-disabled' } })
  })
})
