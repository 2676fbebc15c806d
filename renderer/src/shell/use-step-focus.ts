import { useEffect, useRef, type RefObject } from 'react'
import type { WizardStep } from '../../../shared/wizard/steps'
import { focusHeadingWhenShown } from './focus-heading'

/**
 * After every change of step (Start scan, See findings, the step list, Back/Next…), focus moves
 * to the new step's heading. Not on the first screen: there the user starts at the top anyway.
 */
export function useStepFocus(step: WizardStep, main: RefObject<HTMLElement | null>): void {
  const shown = useRef<WizardStep | null>(null)
  useEffect(() => {
    const previous = shown.current
    shown.current = step
    if (previous === null || previous === step || main.current === null) return undefined
    // The step page's own title (`h2`), not the loading placeholder that may stand in for it.
    return focusHeadingWhenShown(main.current, '.step-page h2, section > h2')
  }, [step, main])
}
