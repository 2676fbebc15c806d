import { describe, expect, it } from 'vitest'
import { nextStep, previousStep, stepNumber, type WizardStep } from './steps'

describe('wizard steps', () => {
  it('walk welcome → scan → findings → fix → verify → report', () => {
    const walked: WizardStep[] = ['welcome']
    for (let step = nextStep('welcome'); step !== null; step = nextStep(step)) walked.push(step)
    expect(walked).toEqual(['welcome', 'scan', 'findings', 'fix', 'verify', 'report'])
  })
  it('have no step before the first or after the last', () => {
    expect(previousStep('welcome')).toBeNull()
    expect(nextStep('report')).toBeNull()
    expect(previousStep('findings')).toBe('scan')
    expect(stepNumber('report')).toBe(6)
  })
})
