import { describe, expect, it } from 'vitest'
import { fixScriptCommand, parseFixScriptInput, type FixScriptId } from './fix-scripts'

describe('the fix-script registry', () => {
  it('shows the start type sc.exe is really given, for every start type the script sets', () => {
    // sc.exe spells them auto / demand / disabled; "start= automatic" would be an invalid command.
    expect(fixScriptCommand('service-start-type', { name: 'WSLService', startType: 'manual' })).toBe('sc.exe config WSLService start= demand')
    expect(fixScriptCommand('service-start-type', { name: 'SharedAccess', startType: 'automatic' })).toBe('sc.exe config SharedAccess start= auto')
    expect(fixScriptCommand('service-start-type', { name: 'SharedAccess', startType: 'disabled' })).toBe('sc.exe config SharedAccess start= disabled')
  })

  it('derives the command from the input, so a step cannot show one thing and run another', () => {
    expect(fixScriptCommand('set-feature', { feature: 'VirtualMachinePlatform', enable: false })).toMatch(
      /disable-feature \/featurename:VirtualMachinePlatform/,
    )
    expect(fixScriptCommand('wsl-set-version', { distro: 'Debian', version: 2 })).toBe('wsl.exe --set-version Debian 2')
    expect(fixScriptCommand('wsl-update', { preRelease: true })).toMatch(/--pre-release$/)
  })

  it('refuses inputs outside each allow-list, naming the script', () => {
    const refused: Array<[FixScriptId, unknown]> = [
      ['service-start-type', { name: 'Dnscache', startType: 'manual' }],
      ['service-start-type', { name: 'WSLService', startType: 'boot' }],
      ['set-feature', { feature: 'Microsoft-Hyper-V', enable: true }],
      ['wsl-export', { distro: '-Ubuntu' }],
      ['undo-registry-value', { value: 'anything', previous: 1 }],
      ['remove-port-tracker', { extra: true }],
      ['restore-point', { description: '还原点' }],
    ]
    for (const [script, input] of refused)
      expect(parseFixScriptInput(script, input), script).toMatchObject({ ok: false, error: expect.stringContaining(script) })
  })
})
