import { lazy } from 'react'

/**
 * The steps after Welcome, each in its own chunk, loaded when first shown: the first screen does
 * not carry the rules, WSL's messages in 22 languages, the fix plans or the report (issue 14: the
 * first chunk stays ≤ 150 KB gzip, electron/dev/first-chunk-size.test.ts).
 */
export const ScanStep = lazy(() => import('./ScanStep').then((m) => ({ default: m.ScanStep })))
export const FindingsStep = lazy(() => import('./FindingsStep').then((m) => ({ default: m.FindingsStep })))
export const FixStep = lazy(() => import('./FixStep').then((m) => ({ default: m.FixStep })))
export const VerifyStep = lazy(() => import('./VerifyStep').then((m) => ({ default: m.VerifyStep })))
export const ReportStep = lazy(() => import('./ReportStep').then((m) => ({ default: m.ReportStep })))
/** Recognises pasted WSL output in any of its 22 languages: loaded on the first paste. */
export const PastePreview = lazy(() => import('./PastePreview').then((m) => ({ default: m.PastePreview })))

/** Loads every lazy step's chunk (tests await it so a step renders at once, as after a first visit). */
export function preloadSteps(): Promise<unknown> {
  return Promise.all([
    import('./ScanStep'),
    import('./FindingsStep'),
    import('./FixStep'),
    import('./VerifyStep'),
    import('./ReportStep'),
    import('./PastePreview'),
  ])
}
