import type { AnyFactEntry, UnknownReason } from '../../shared/machine/snapshot'
import { FACT_SCHEMAS } from '../../shared/probes/facts'
import type { ProbeId } from '../../shared/probes/probe-ids'
import { assertNever } from '../../shared/util/assert-never'
import { composeScript } from '../powershell/compose-script'
import type { PowerShellHost, PsRunOutcome } from '../powershell/host'
import { readEnvelope } from '../powershell/envelope'
import type { ScriptCatalog } from '../probes/script-catalog'

/**
 * Runs one probe and returns its fact, or the typed reason it is unknown. Never throws.
 *
 * PowerShell output is `unknown` until it passes the probe's schema; a probe that fails, times out
 * or lacks rights becomes `unknown` with the reason — never a crash, never a guess.
 */
export async function runProbe(
  probeId: ProbeId,
  deps: { readonly host: PowerShellHost; readonly catalog: ScriptCatalog },
  options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
): Promise<AnyFactEntry> {
  const script = composeScript({ id: probeId, body: deps.catalog.probe(probeId), prelude: deps.catalog.prelude })
  const outcome = await withDeadline(deps.host.run(script, options), options.timeoutMs + HOST_GRACE_MS)
  const durationMs = Math.round(outcome.durationMs)
  if (!outcome.ok) {
    const { error } = outcome
    switch (error.kind) {
      case 'timeout':
        return unknown(durationMs, 'timeout', `no answer within ${error.timeoutMs} ms`)
      case 'cancelled':
        return unknown(durationMs, 'cancelled')
      case 'process-died':
      case 'not-available':
        return unknown(durationMs, 'host-unavailable', error.detail)
      default:
        return assertNever(error, 'host error')
    }
  }
  const reading = readEnvelope(outcome.stdout, script.sentinel)
  switch (reading.kind) {
    case 'garbage':
      return unknown(durationMs, 'bad-output', reading.detail)
    case 'script-error':
      return unknown(durationMs, reading.failure, reading.detail)
    case 'data': {
      const parsed = FACT_SCHEMAS[probeId].safeParse(reading.data)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return unknown(durationMs, 'bad-output', `unexpected data at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`)
      }
      return { status: 'known', durationMs, data: parsed.data } as AnyFactEntry
    }
    default:
      return assertNever(reading, 'envelope')
  }
}

/** How long past a probe's own timeout we wait for a host that should already have given up. */
const HOST_GRACE_MS = 2_000

/** A host that ignores its timeout still cannot hold the scan: the probe resolves as timed out. */
async function withDeadline(run: Promise<PsRunOutcome>, deadlineMs: number): Promise<PsRunOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<PsRunOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: { kind: 'timeout', timeoutMs: deadlineMs }, durationMs: deadlineMs }), deadlineMs)
  })
  try {
    return await Promise.race([run, deadline])
  } finally {
    clearTimeout(timer)
  }
}

function unknown(durationMs: number, reason: UnknownReason, detail?: string): AnyFactEntry {
  return { status: 'unknown', durationMs, reason, ...(detail === undefined ? {} : { detail }) }
}
