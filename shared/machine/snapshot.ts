import { z } from 'zod'
import { FACT_SCHEMAS } from '../probes/facts'
import type { ProbeId } from '../probes/probe-ids'

/**
 * Why a fact is unknown. A probe that fails never becomes a guess: the rules see this reason.
 *
 * - `timeout`: the probe exceeded its own time limit (the session was then recycled).
 * - `failed`: the script ran and reported an error (message and HRESULT in `detail`).
 * - `access-denied`: Windows refused the read without admin rights.
 * - `constrained-language`: PowerShell on this PC runs in Constrained Language Mode (an AppLocker
 *   or WDAC policy) and the probe needs something that mode forbids.
 * - `host-unavailable`: PowerShell could not be started or died.
 * - `bad-output`: the script printed something that is not the expected JSON.
 * - `cancelled`: the user cancelled the scan.
 * - `no-consent`: the probe starts WSL and the user did not allow that.
 */
export const UNKNOWN_REASONS = [
  'timeout',
  'failed',
  'access-denied',
  'constrained-language',
  'host-unavailable',
  'bad-output',
  'cancelled',
  'no-consent',
] as const
export const UnknownReason = z.enum(UNKNOWN_REASONS)
export type UnknownReason = z.infer<typeof UnknownReason>

function factEntry<S extends z.ZodType>(data: S) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('known'), durationMs: z.number().nonnegative(), data }),
    z.object({
      status: z.literal('unknown'),
      durationMs: z.number().nonnegative(),
      reason: UnknownReason,
      detail: z.string().optional(),
    }),
  ])
}

/** One entry per probe, spelled out so each keeps its precise type. */
const factEntries = {
  'windows-version': factEntry(FACT_SCHEMAS['windows-version']),
  'wsl-install': factEntry(FACT_SCHEMAS['wsl-install']),
  'wslconfig-file': factEntry(FACT_SCHEMAS['wslconfig-file']),
  services: factEntry(FACT_SCHEMAS.services),
  'mirrored-readiness': factEntry(FACT_SCHEMAS['mirrored-readiness']),
  virtualization: factEntry(FACT_SCHEMAS['virtualization']),
  events: factEntry(FACT_SCHEMAS['events']),
  'network-adapters': factEntry(FACT_SCHEMAS['network-adapters']),
  'proxy-settings': factEntry(FACT_SCHEMAS['proxy-settings']),
  'winsock-catalog': factEntry(FACT_SCHEMAS['winsock-catalog']),
  'installed-products': factEntry(FACT_SCHEMAS['installed-products']),
  'firewall-profiles': factEntry(FACT_SCHEMAS['firewall-profiles']),
  'hyperv-firewall': factEntry(FACT_SCHEMAS['hyperv-firewall']),
  'host-networking': factEntry(FACT_SCHEMAS['host-networking']),
  'host-dns': factEntry(FACT_SCHEMAS['host-dns']),
  'wsl-startup': factEntry(FACT_SCHEMAS['wsl-startup']),
  'wsl-network-check': factEntry(FACT_SCHEMAS['wsl-network-check']),
} satisfies Record<ProbeId, z.ZodType>

/** Snapshot format version; bump on incompatible changes and keep a reader for older ones. */
export const SNAPSHOT_SCHEMA_VERSION = 1

/**
 * Everything a scan learned about one PC: every probe's fact or the reason it is unknown.
 *
 * It is what the rules read, what a user exports for a helpdesk, and what a simulated-PC scenario
 * converts to and from. A probe that was never run is simply absent from `facts`.
 */
export const MachineSnapshot = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  appVersion: z.string(),
  takenAt: z.string(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('windows') }),
    z.object({ kind: z.literal('simulated'), scenarioId: z.string() }),
    // Built from text a user pasted (`npm run diagnose -- --evidence`): most facts are absent.
    z.object({ kind: z.literal('evidence') }),
  ]),
  facts: z.object(factEntries).partial(),
})
export type MachineSnapshot = z.infer<typeof MachineSnapshot>
export type FactEntry<P extends ProbeId> = NonNullable<MachineSnapshot['facts'][P]>
/** A fact of any probe (what a probe runner returns before it is filed under its id). */
export type AnyFactEntry = FactEntry<ProbeId>
