/**
 * Test support: one simulated PC driven through the real IPC handlers — scan, apply a fix over all
 * its parts (restarting the simulated PC between them, as the app would), scan again.
 */
import type { Channel, Input, Output } from '../../../shared/ipc/contract'
import type { FixId } from '../../../shared/diagnosis/fix-ids'
import { createSimulatedRuntime } from '../../simulated-pc/simulated-runtime'

export function simulatedPc(scenarioId: string) {
  const runtime = createSimulatedRuntime({ scenarioId, latencyScale: 0 })
  let n = 0
  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await runtime.dispatch(channel, { frameUrl: null, isMainFrame: true }, input, () => undefined)
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.detail ?? ''}`)
    return result.value as Output<C>
  }
  const scan = async () => (await call('scan:run', { scanId: `scan-${scenarioId}-${n++}`, allowWslStart: true })).snapshot

  /** Every part of the fix, restarting between parts; the last apply's response. */
  async function applyAll(fixId: FixId): Promise<Output<'fix:apply'>> {
    let phase = 0
    for (;;) {
      const plan = await call('fix:plan', { fixId, options: {}, phase })
      if (!plan.available) throw new Error(`${fixId} unavailable: ${plan.reason.key}`)
      const result = await call('fix:apply', { fixId, options: {}, phase, digest: plan.digest })
      if (result.status !== 'completed') return result
      if (result.rebootRequired) {
        await call('system:restart', { fixId, options: {}, nextPhase: result.nextPhase })
        await call('session:resume', undefined)
      }
      if (result.nextPhase === null) return result
      phase = result.nextPhase
      await scan()
    }
  }
  return { runtime, call, scan, applyAll }
}
