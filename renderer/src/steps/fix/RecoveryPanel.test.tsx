import { fireEvent, screen } from '@testing-library/react'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import type { DoctorApi } from '../../../../shared/ipc/bridge'
import { ok } from '../../../../shared/ipc/result'
import type { Input, Output } from '../../../../shared/ipc/contract'
import { createFakeBridge } from '../../state/test-support/fake-bridge'
import type { InterruptedRunInfo } from '../../state/wizard-store'
import { renderWithStore } from '../../test-support/test-render'
import { FixStep } from '../FixStep'

const RUN: InterruptedRunInfo = {
  entryId: 'entry-0001-abcd',
  fixId: 'wslconfig-set-nat',
  startedAt: '2026-11-21T10:00:00.000Z',
  steps: [
    { describe: { key: 'step.wslconfig-write', args: { path: 'C:\\Users\\alex\\.wslconfig' } }, status: 'done' },
    { describe: { key: 'step.wsl-shutdown' }, status: 'running' },
  ],
  undoable: true,
}

/** Test support: a bridge with one interrupted run that records the recovery asked for. */
function bridgeWith(run: InterruptedRunInfo, answer: (input: Input<'fix:recover'>) => Output<'fix:recover'>) {
  const asked: Input<'fix:recover'>[] = []
  const scans: string[] = []
  const base = createFakeBridge({})
  const bridge: DoctorApi = {
    ...base,
    interruptedRuns: async () => ok([run]),
    runScan: async (input) => (scans.push(input.scanId), base.runScan(input)),
    recoverRun: async (input) => (asked.push(input), ok(answer(input))),
  }
  return { bridge, asked, scans }
}

async function open(
  run = RUN,
  answer: (input: Input<'fix:recover'>) => Output<'fix:recover'> = (i) =>
    i.action === 'undo' ? { status: 'undo', undo: { status: 'undone', verification: null } } : { status: 'closed', action: i.action },
) {
  const { bridge, asked, scans } = bridgeWith(run, answer)
  const view = await renderWithStore(<FixStep />, { bridge })
  return { ...view, asked, scans }
}

async function scanFirst(): Promise<void> {
  await act(async () => fireEvent.click(screen.getByTestId('recovery-scan')))
}

describe('RecoveryPanel: a fix that never finished, found in the journal at start', () => {
  it('shows what the journal knows step by step, and offers no choice before the PC is re-read', async () => {
    const { scans } = await open()
    expect(screen.getByTestId('recovery-panel').textContent).toContain('A fix was interrupted')
    expect(screen.getByTestId('recovery-step-0').getAttribute('data-status')).toBe('done')
    expect(screen.getByTestId('recovery-step-1').textContent).toContain('started, may have run')
    expect(screen.queryByTestId('recovery-finish')).toBeNull()
    expect(screen.queryByTestId('recovery-undo')).toBeNull()
    expect(screen.queryByTestId('recovery-keep')).toBeNull()
    await scanFirst()
    expect(scans).toHaveLength(1)
    expect(screen.getByTestId('recovery-finish')).toBeTruthy()
  })

  it('undo: asks the main process to undo, then the panel is gone', async () => {
    const { asked } = await open()
    await scanFirst()
    await act(async () => fireEvent.click(screen.getByTestId('recovery-undo')))
    expect(asked).toEqual([{ entryId: RUN.entryId, action: 'undo' }])
    expect(screen.queryByTestId('recovery-panel')).toBeNull()
  })

  it('keep: closes the run without changing anything', async () => {
    const { asked } = await open()
    await scanFirst()
    await act(async () => fireEvent.click(screen.getByTestId('recovery-keep')))
    expect(asked).toEqual([{ entryId: RUN.entryId, action: 'keep' }])
    expect(screen.queryByTestId('recovery-panel')).toBeNull()
  })

  it('finish: closes the run and plans the fix again on the fresh scan', async () => {
    const { asked } = await open()
    await scanFirst()
    await act(async () => fireEvent.click(screen.getByTestId('recovery-finish')))
    expect(asked).toEqual([{ entryId: RUN.entryId, action: 'finish' }])
    expect(screen.queryByTestId('recovery-panel')).toBeNull()
    // The fake bridge has no plan to give: the Fix step says why, in the user's language.
    expect(screen.getByTestId('fix-unavailable')).toBeTruthy()
  })

  it('a run with nothing to undo shows no Undo button', async () => {
    await open({ ...RUN, undoable: false, steps: [{ describe: { key: 'step.wslconfig-write', args: { path: 'C:\\x' } }, status: 'not-run' }] })
    await scanFirst()
    expect(screen.queryByTestId('recovery-undo')).toBeNull()
    expect(screen.getByTestId('recovery-keep')).toBeTruthy()
  })

  it('undo that finds the file changed since the fix stays open with the three versions', async () => {
    const b64 = (s: string) => btoa(s)
    await open(RUN, () => ({
      status: 'undo',
      undo: { status: 'file-changed', path: 'C:\\Users\\alex\\.wslconfig', beforeBase64: b64('a\n'), oursBase64: b64('b\n'), currentBase64: b64('c\n') },
    }))
    await scanFirst()
    await act(async () => fireEvent.click(screen.getByTestId('recovery-undo')))
    expect(screen.getByTestId('recovery-panel')).toBeTruthy()
    expect(screen.getByTestId('undo-status').getAttribute('data-status')).toBe('file-changed')
    expect(screen.getByTestId('version-current').textContent).toContain('c')
  })
})
