import type { DiagnosisMessageKey } from './en'

/** Evidence texts (`ev.*`) and unknown-fact texts (`un.*`): rules may only use keys that exist. */
export type EvidenceKey = Extract<DiagnosisMessageKey, `ev.${string}`>
export type UnknownKey = Extract<DiagnosisMessageKey, `un.${string}`>
