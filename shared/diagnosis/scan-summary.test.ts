import { describe, expect, it } from 'vitest'
import { diagnose } from './diagnose'
import { scanSummary } from './scan-summary'
import { snapshot, withService } from './test-support/test-snapshot'

describe('scanSummary', () => {
  it('a healthy PC: every check that read its facts passed', () => {
    const s = snapshot()
    const summary = scanSummary(s, diagnose(s))
    expect(summary).toMatchObject({ problems: 0, warnings: 0, notChecked: 0 })
    expect(summary.passed).toBe(Object.keys(s.facts).length)
  })

  it('a broken PC is not all green: the check a problem rests on shows the problem', () => {
    const s = snapshot({ services: withService('WSLService', { startType: 'disabled', status: 'Stopped' }), events: { unknown: 'timeout' } })
    const summary = scanSummary(s, diagnose(s))
    expect(summary.problems).toBeGreaterThan(0)
    expect(summary.outcomes.services).toBe('problem')
    expect(summary.outcomes.events).toBe('not-checked')
    expect(summary.notChecked).toBe(1)
    expect(summary.outcomes['windows-version']).toBe('passed')
  })
})
