import { describe, expect, it } from 'vitest'
import { FINDING_IDS } from '../../diagnosis/finding-ids'
import { FIX_IDS } from '../../diagnosis/fix-ids'
import { buildMachineView } from '../../diagnosis/machine-view'
import { snapshot, withService, wslconfig } from '../../diagnosis/test-support/test-snapshot'
import { FIX_SCRIPTS } from '../fix-scripts'
import { buildPlan } from '../fix-definition'
import { allSteps } from '../fix-plan'
import { repairEn } from '../messages/en'
import { FIX_CATALOG, findFix } from '.'

const view = (s = snapshot()) => buildMachineView(s)
const plan = (id: string, s = snapshot(), options = {}) => {
  const fix = findFix(id)
  if (!fix) throw new Error(`no fix ${id}`)
  return buildPlan(fix, view(s), options)
}

describe('fix catalog', () => {
  it('uses known fix, finding and script ids, and message keys that exist', () => {
    for (const fix of FIX_CATALOG) {
      expect(FIX_IDS).toContain(fix.id)
      for (const id of fix.addresses) expect(FINDING_IDS).toContain(id)
    }
    const seed = snapshot({
      'windows-version': { currentBuild: '22000', ubr: 2836 },
      'wslconfig-file': wslconfig('[wsl2]\nnetworkMode=mirrored\n'),
      services: withService('SharedAccess', { startType: 'disabled' }),
      'mirrored-readiness': { ipv6DisabledComponents: 0xff, hyperVFirewallDisable: 1 },
      virtualization: { features: { VirtualMachinePlatform: 'Enabled', 'Microsoft-Windows-Subsystem-Linux': 'Enabled' } },
      'network-adapters': { vmwareClsidPresent: true },
      'host-networking': { portTrackerEnabledMode: 1 },
    })
    for (const fix of FIX_CATALOG) {
      if (fix.unavailable(view(seed), {}) !== null) continue
      const p = buildPlan(fix, view(seed), {})
      for (const s of allSteps(p)) {
        expect(Object.keys(repairEn), `${fix.id}: ${s.describe.key}`).toContain(s.describe.key)
        expect(s.elevated).toBe(FIX_SCRIPTS[s.script].elevated)
      }
      if ('key' in p.reversibility) expect(Object.keys(repairEn)).toContain(p.reversibility.key)
      for (const affect of p.affects) expect(Object.keys(repairEn)).toContain(`affect.${affect}`)
    }
  })

  it('keeps the elevated steps of each phase together, so one UAC prompt covers them', () => {
    const pc = view(snapshot({ virtualization: { features: { VirtualMachinePlatform: 'Enabled', 'Microsoft-Windows-Subsystem-Linux': 'Enabled' } } }))
    for (const fix of FIX_CATALOG) {
      if (fix.unavailable(pc, {}) !== null) continue
      const p = buildPlan(fix, pc, {})
      for (const phase of p.phases) {
        const flags = phase.steps.map((s) => s.elevated)
        const first = flags.indexOf(true)
        const last = flags.lastIndexOf(true)
        if (first >= 0) expect(flags.slice(first, last + 1).every(Boolean), fix.id).toBe(true)
      }
    }
  })
})

describe('plans', () => {
  it("sets networkingMode=nat in the seed PC's .wslconfig, changing one line, then restarts WSL", () => {
    const p = plan(
      'wslconfig-set-nat',
      snapshot({
        'windows-version': { currentBuild: '22000', ubr: 2836 },
        'wslconfig-file': wslconfig('# mine\r\n[wsl2]\r\nmemory=4GB\r\nnetworkingMode=mirrored\r\n'),
      }),
    )
    expect(p.fileChange).toEqual({
      path: 'C:\\Users\\alex\\.wslconfig',
      before: '# mine\r\n[wsl2]\r\nmemory=4GB\r\nnetworkingMode=mirrored\r\n',
      after: '# mine\r\n[wsl2]\r\nmemory=4GB\r\nnetworkingMode=nat\r\n',
    })
    expect(allSteps(p).map((s) => s.script)).toEqual(['wslconfig-write', 'wsl-shutdown'])
    expect(p).toMatchObject({ needsAdmin: false, reboots: 0, stopsDistros: true, restorePoint: false, reversibility: { kind: 'undoable' } })
  })

  it('creates the file with a [wsl2] section when there is none', () => {
    expect(plan('wslconfig-set-none').fileChange?.after).toBe('[wsl2]\r\nnetworkingMode=none\r\n')
  })

  it('is unavailable where policy decides the mode, or where Windows cannot run mirrored', () => {
    const locked = snapshot({ 'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\n', { AllowNetworkingModeUserSetting: 0 }) })
    expect(findFix('wslconfig-set-nat')?.unavailable(view(locked), {})).toEqual({ key: 'unavailable.policyLocked' })
    const win10 = snapshot({ 'windows-version': { currentBuild: '19045', ubr: 5247 } })
    expect(findFix('wslconfig-set-mirrored')?.unavailable(view(win10), {})).toEqual({ key: 'unavailable.mirroredUnsupported' })
  })

  it('renames a misspelled key keeping its value (#11359)', () => {
    const p = plan('wslconfig-fix-key', snapshot({ 'wslconfig-file': wslconfig('[wsl2]\nnetworkMode=mirrored\n') }))
    expect(p.fileChange?.after).toBe('[wsl2]\nnetworkingMode=mirrored\n')
  })

  it('runs service and HNS fixes elevated without a restore point (undoable or self-healing)', () => {
    const sharedAccess = plan('enable-sharedaccess', snapshot({ services: withService('SharedAccess', { startType: 'disabled' }) }))
    expect(allSteps(sharedAccess).map((s) => [s.script, s.elevated])).toEqual([
      ['wsl-shutdown', false],
      ['service-start-type', true],
    ])
    expect(sharedAccess).toMatchObject({ needsAdmin: true, restorePoint: false })
    expect(plan('delete-wsl-hns-network')).toMatchObject({ needsAdmin: true, restorePoint: false, reboots: 0 })
  })

  it('puts a restore point first in the elevated steps of fixes it cannot undo, unless skipped', () => {
    const vmp = snapshot({ virtualization: { features: { VirtualMachinePlatform: 'Enabled' } } })
    const toggle = plan('toggle-vmp', vmp)
    expect(toggle).toMatchObject({ restorePoint: true, reboots: 2 })
    expect(toggle.phases[0]?.steps.map((s) => s.script)).toEqual(['wsl-shutdown', 'restore-point', 'set-feature'])
    expect(toggle.phases[1]?.steps.map((s) => [s.script, s.input['enable']])).toEqual([['set-feature', true]])
    expect(plan('winsock-reset', snapshot(), { skipRestorePoint: true }).restorePoint).toBe(false)
    expect(plan('winsock-reset').affects).toEqual(['lsp-vpn-software'])
  })

  it('converts only a distribution the scan listed to WSL 1, after a backup', () => {
    const s = snapshot({ virtualization: { features: { 'Microsoft-Windows-Subsystem-Linux': 'Enabled' } } })
    const p = plan('wsl1-fallback', s, { distro: 'Ubuntu"; Remove-Item C:\\ -Recurse' })
    expect(allSteps(p).map((step) => [step.script, step.input['distro'] ?? null])).toEqual([
      ['wsl-export', 'Ubuntu-24.04'],
      ['wsl-set-version', 'Ubuntu-24.04'],
      ['wsl-set-default-version', null],
    ])
    expect(findFix('wsl1-fallback')?.unavailable(view(snapshot()), {})).toEqual({ key: 'unavailable.wsl1ComponentMissing' })
  })
})
