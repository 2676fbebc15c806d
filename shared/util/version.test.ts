import { describe, expect, it } from 'vitest'
import { compareVersions, isAtLeast } from './version'

describe('compareVersions', () => {
  it('orders by numeric parts, not text', () => {
    expect(compareVersions('2.3.25.0', '2.3.3')).toBeGreaterThan(0)
    expect(compareVersions('2.10.0', '2.9.4')).toBeGreaterThan(0)
  })
  it('treats missing parts as zero', () => {
    expect(compareVersions('2.3.25', '2.3.25.0')).toBe(0)
  })
  it('answers the version gates WSL changed behaviour at', () => {
    expect(isAtLeast('2.2.4.0', '2.3.25')).toBe(false)
    expect(isAtLeast('2.4.11.0', '2.3.25')).toBe(true)
  })
})
