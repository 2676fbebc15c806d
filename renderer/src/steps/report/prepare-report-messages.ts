import type { MachineSnapshot } from '../../../../shared/machine/snapshot'
import type { PreparedReport, prepareReport } from '../../../../shared/report/prepare'

export type PrepareOptions = Parameters<typeof prepareReport>[1]

/** What the page sends the report worker, and what it answers (structured-clone data only). */
export interface PrepareRequest {
  readonly id: number
  readonly snapshot: MachineSnapshot
  readonly options: PrepareOptions
}

export type PrepareResponse =
  { readonly id: number; readonly ok: true; readonly report: PreparedReport } | { readonly id: number; readonly ok: false; readonly message: string }
