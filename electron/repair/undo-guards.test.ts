import { describe, expect, it } from 'vitest'
import type { Channel, Input, Output } from '../../shared/ipc/contract'
import { createSimulatedRuntime } from '../simulated-pc/simulated-runtime'
import type { JournalEntry } from './journal'
import { checkedUndoRecords, undoPlan } from './undo-entry'
import { undoRecordsOf } from './apply-phase'

function pc(scenarioId: string) {
  const runtime = createSimulatedRuntime({ scenarioId, latencyScale: 0 })
  async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await runtime.dispatch(channel, { frameUrl: null, isMainFrame: true }, input, () => undefined)
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.detail ?? ''}`)
    return result.value as Output<C>
  }
  async function apply(fixId: Input<'fix:plan'>['fixId']) {
    const p = await call('fix:plan', { fixId, options: {}, phase: 0 })
    if (!p.available) throw new Error(`${fixId} unavailable: ${p.reason.key}`)
    return call('fix:apply', { fixId, options: {}, phase: 0, digest: p.digest })
  }
  return { runtime, call, apply, scan: () => call('scan:run', { scanId: 'scan-0123456789', allowWslStart: true }) }
}

describe('undo never destroys newer work: the three versions', () => {
  it('a file edited after our fix is not restored; restoring over it needs the exact bytes the user saw', async () => {
    const seed = pc('seed-22000-mirrored')
    await seed.scan()
    const before = seed.runtime.host.scenario.wslconfig
    const applied = await seed.apply('wslconfig-set-nat')
    if (applied.status !== 'completed') throw new Error(applied.status)
    const ours = seed.runtime.host.scenario.wslconfig
    seed.runtime.host.userEditsWslconfig(`${ours?.text ?? ''}memory=8GB\r\n`)
    const edited = seed.runtime.host.scenario.wslconfig

    const first = await seed.call('fix:undo', { entryId: applied.entryId })
    if (first.status !== 'file-changed') throw new Error(first.status)
    const text = (b: string | null) => (b === null ? null : Buffer.from(b, 'base64').toString('utf8'))
    expect(text(first.beforeBase64)).toContain('networkingMode=mirrored')
    expect(text(first.oursBase64)).toContain('networkingMode=nat')
    expect(text(first.currentBase64)).toContain('memory=8GB')
    expect(seed.runtime.host.scenario.wslconfig).toEqual(edited)

    // The user looked at the versions, then edited the file once more before choosing "restore".
    seed.runtime.host.userEditsWslconfig(`${edited?.text ?? ''}swap=0\r\n`)
    const stale = await seed.call('fix:undo', { entryId: applied.entryId, overwrite: { currentBase64: first.currentBase64 } })
    expect(stale.status).toBe('file-changed')
    expect(seed.runtime.host.scenario.wslconfig?.text).toContain('swap=0')

    if (stale.status !== 'file-changed') return
    const restored = await seed.call('fix:undo', { entryId: applied.entryId, overwrite: { currentBase64: stale.currentBase64 } })
    expect(restored.status).toBe('undone')
    expect(seed.runtime.host.scenario.wslconfig).toEqual(before)
  })
})

describe('a step that was refused or never ran has nothing to undo', () => {
  it('UAC declined: the history offers no Undo and undo has nothing to do', async () => {
    const ics = pc('ics-disabled')
    await ics.scan()
    ics.runtime.host.setUacResponse('decline')
    expect((await ics.apply('enable-sharedaccess')).status).toBe('declined')
    const history = await ics.call('fix:history', undefined)
    expect(history.every((h) => !h.undoable)).toBe(true)
  })

  it('only steps that ran and changed something (or may have run) give undo records', () => {
    const undo = { kind: 'restore-service-start', name: 'SharedAccess', startType: 'disabled' } as const
    const step = (status: JournalEntry['steps'][number]['status'], changed: boolean | null) => ({
      script: 'service-start-type',
      describe: { key: 'step.x', args: {} },
      status,
      result: changed === null ? null : { changed, rebootRequired: false, undo: null, detail: '' },
      error: null,
      undo,
    })
    expect(undoRecordsOf([step('not-run', null), step('pending', null), step('failed', null), step('done', false)])).toEqual([])
    expect(undoRecordsOf([step('done', true), step('running', null)])).toEqual([undo, undo])
  })
})

describe('undo re-validates every journal value (any process of the user can write the journal)', () => {
  const entry = (undo: JournalEntry['undo']): JournalEntry => ({
    id: 'entry-0001-abcd',
    fixId: 'enable-sharedaccess',
    startedAt: '2026-11-21T10:00:00.000Z',
    finishedAt: '2026-11-21T10:00:05.000Z',
    phase: 0,
    steps: [],
    undo,
    undoneAt: null,
    undoOf: null,
    recovery: null,
  })

  it.each([
    [{ kind: 'restore-file', path: 'C:\\Windows\\System32\\drivers\\etc\\hosts', previousBase64: 'AA==', backupPath: null }],
    [{ kind: 'restore-registry-value', value: 'hyperv-firewall-disable', previous: 7 }],
    [{ kind: 'restore-registry-value', value: 'ipv6-disabled-components', previous: -1 }],
    [{ kind: 'restore-service-start', name: 'SharedAccess', startType: 'boot' }],
  ] as const)('refuses %j and plans nothing', (record) => {
    const tampered = entry([record])
    expect(checkedUndoRecords(tampered).ok).toBe(false)
    expect(undoPlan(tampered)).toBeNull()
  })

  it('accepts the values the fixes write', () => {
    const fine = entry([
      { kind: 'restore-service-start', name: 'SharedAccess', startType: 'disabled' },
      { kind: 'restore-registry-value', value: 'hyperv-firewall-disable', previous: 1 },
    ])
    expect(checkedUndoRecords(fine).ok).toBe(true)
    expect(undoPlan(fine)?.needsAdmin).toBe(true)
  })

  it('the restore step tells the script which bytes the file must still hold', () => {
    const file = entry([{ kind: 'restore-file', path: 'C:\\Users\\a\\.wslconfig', previousBase64: 'YQ==', backupPath: null, writtenBase64: 'Yg==' }])
    const restore = (e: JournalEntry, overwrite?: { currentBase64: string | null }) =>
      undoPlan(e, overwrite)?.phases[0]?.steps.find((s) => s.script === 'undo-restore-file')?.input
    expect(restore(file)).toMatchObject({ previousBase64: 'YQ==', writtenBase64: 'Yg==' })
    expect(restore(file, { currentBase64: 'Yw==' })).toMatchObject({ previousBase64: 'YQ==', writtenBase64: 'Yw==' })
  })
})
