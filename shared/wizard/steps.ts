/** The wizard's steps, in order: scan → findings → fix → verify → report. */
export const WIZARD_STEPS = ['welcome', 'scan', 'findings', 'fix', 'verify', 'report'] as const
export type WizardStep = (typeof WIZARD_STEPS)[number]

export function nextStep(step: WizardStep): WizardStep | null {
  return WIZARD_STEPS[WIZARD_STEPS.indexOf(step) + 1] ?? null
}

export function previousStep(step: WizardStep): WizardStep | null {
  const index = WIZARD_STEPS.indexOf(step)
  return index > 0 ? (WIZARD_STEPS[index - 1] ?? null) : null
}

export function stepNumber(step: WizardStep): number {
  return WIZARD_STEPS.indexOf(step) + 1
}
