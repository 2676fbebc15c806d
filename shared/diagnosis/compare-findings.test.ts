import { describe, expect, it } from 'vitest'
import { compareFindings } from './compare-findings'

describe('compareFindings', () => {
  it('resolves only addressed findings that are gone after the fix', () => {
    const c = compareFindings(['vmp-missing', 'wsl-outdated'], ['wsl-outdated'], ['vmp-missing'])
    expect(c.resolved).toEqual(['vmp-missing'])
    expect(c.remaining).toEqual([])
    expect(c.appeared).toEqual([])
  })

  it('never calls a finding resolved while it is still listed after the fix', () => {
    const c = compareFindings(['vmp-missing'], [{ id: 'vmp-missing' }], ['vmp-missing'])
    expect(c.resolved).toEqual([])
    expect(c.remaining).toEqual(['vmp-missing'])
  })

  it('lists findings that appeared, and ignores findings the fix does not address', () => {
    const c = compareFindings(['nat-vmswitch-not-found'], ['nat-vmswitch-not-found', 'vmp-missing'], ['nat-vmswitch-not-found'])
    expect(c.appeared).toEqual(['vmp-missing'])
    expect(c.remaining).toEqual(['nat-vmswitch-not-found'])
    expect(compareFindings(['wsl-outdated'], [], ['vmp-missing']).resolved).toEqual([])
  })
})
