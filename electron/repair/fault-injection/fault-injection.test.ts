import { afterAll, describe, expect, it } from 'vitest'
import type { FixId } from '../../../shared/diagnosis/fix-ids'
import { FIX_SCRIPTS, UAC_ANSWER_LIMIT_MS } from '../../../shared/repair/fix-scripts'
import type { PowerShellHost } from '../../powershell/host'
import type { JournalEntry } from '../journal'
import { failingIo, faultPc, undoableState, type FaultApp, type FaultPc } from './fault-harness'

/**
 * Faults tried on purpose (issue 10): after each, the PC's state, the journal and the history
 * agree, and undo (directly or through the recovery at the next start) gives the PC back.
 */
const totals = { faults: 0, recovered: 0, bytesLost: 0 }

afterAll(() => {
  console.log(`fault injection: faults tried ${totals.faults}, runs recovered ${totals.recovered}, bytes lost ${totals.bytesLost}`)
})

const FILE_FIX = { scenario: 'seed-22000-mirrored', fix: 'wslconfig-set-nat' as FixId }
const ELEVATED_FIX = { scenario: 'hyperv-firewall-disabled-mirrored', fix: 'enable-hyperv-firewall' as FixId }

function fileBytes(pc: FaultPc): Buffer {
  const w = pc.host.scenario.wslconfig
  return w === null ? Buffer.alloc(0) : Buffer.from(JSON.stringify(w))
}

/** Counts bytes that differ from the state before (0 when the PC is back exactly). */
function bytesLost(before: Buffer, after: Buffer): number {
  let lost = Math.abs(before.length - after.length)
  for (let i = 0; i < Math.min(before.length, after.length); i++) if (before[i] !== after[i]) lost += 1
  return lost
}

async function onlyEntry(app: FaultApp): Promise<JournalEntry | undefined> {
  const entries = (await app.journal.entries()).filter((e) => e.undoOf === null)
  expect(entries.length).toBeLessThanOrEqual(1)
  return entries[0]
}

/** The journal, the history and the PC agree: nothing marked not-run/pending changed the PC. */
async function expectAgreement(pc: FaultPc, before: unknown) {
  const entry = await onlyEntry(pc.app)
  const history = await pc.app.call('fix:history', undefined)
  if (entry === undefined) {
    expect(history).toEqual([])
    expect(undoableState(pc.host.scenario)).toEqual(before)
    return
  }
  expect(history.map((h) => h.id)).toEqual([entry.id])
  const mayHaveChanged = entry.steps.some((s) => s.status === 'done' || s.status === 'running')
  if (!mayHaveChanged) expect(undoableState(pc.host.scenario)).toEqual(before)
  // Every step that may have changed the PC and has something to undo is undoable.
  const undoable = entry.steps.some((s) => (s.status === 'running' || (s.status === 'done' && s.result?.changed !== false)) && s.undo !== null)
  expect(history[0]?.undoable).toBe(undoable && entry.undoneAt === null)
}

/** Undo (or recovery undo, for a run that never finished) gives the PC back; counts bytes lost. */
async function expectUndoRestores(pc: FaultPc, before: unknown, beforeBytes: Buffer) {
  const entry = await onlyEntry(pc.app)
  if (entry !== undefined) {
    await pc.app.scan()
    if (entry.finishedAt === null) {
      const runs = await pc.app.call('fix:interrupted', undefined)
      expect(runs.map((r) => r.entryId)).toEqual([entry.id])
      const recovered = await pc.app.call('fix:recover', { entryId: entry.id, action: 'undo' })
      expect(recovered.status, JSON.stringify(recovered)).toBe('undo')
      if (recovered.status === 'undo') expect(['undone', 'nothing-to-undo']).toContain(recovered.undo.status)
      expect(await pc.app.call('fix:interrupted', undefined)).toEqual([])
      totals.recovered += 1
    } else {
      const undone = await pc.app.call('fix:undo', { entryId: entry.id })
      expect(['undone', 'nothing-to-undo'], JSON.stringify(undone)).toContain(undone.status)
    }
  }
  expect(undoableState(pc.host.scenario)).toEqual(before)
  const lost = bytesLost(beforeBytes, fileBytes(pc))
  totals.bytesLost += lost
  expect(lost).toBe(0)
}

async function prepared(scenario: string, options?: Parameters<typeof faultPc>[1]) {
  const pc = faultPc(scenario, options)
  await pc.app.scan()
  return { pc, before: undoableState(pc.host.scenario), beforeBytes: fileBytes(pc) }
}

/** How many journal writes a clean run of the fix makes (every point a kill can hit). */
async function journalWritesOf(scenario: string, fix: FixId): Promise<number> {
  const io = failingIo(Number.POSITIVE_INFINITY, 'disk-full')
  const pc = faultPc(scenario, { io })
  await pc.app.scan()
  expect(await pc.app.apply(fix)).toMatchObject({ status: 'completed' })
  return io.writes()
}

async function until(check: () => boolean) {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 2))
  expect(check()).toBe(true)
}

describe('fault injection on the simulated PC', () => {
  it('UAC declined: nothing ran, not even the wsl --shutdown before the elevated step (a distro keeps running)', async () => {
    totals.faults += 1
    const { pc, before, beforeBytes } = await prepared(ELEVATED_FIX.scenario, { edit: (s) => s.wsl.distros.forEach((d) => (d.running = true)) })
    const running = pc.host.scenario.wsl.distros.filter((d) => d.running).map((d) => d.name)
    expect(running.length).toBeGreaterThan(0)
    pc.host.setUacResponse('decline')
    expect(await pc.app.apply(ELEVATED_FIX.fix)).toMatchObject({ status: 'declined' })
    expect(pc.host.scenario.wsl.distros.filter((d) => d.running).map((d) => d.name)).toEqual(running)
    await expectAgreement(pc, before)
    await expectUndoRestores(pc, before, beforeBytes)
  })

  it('UAC left unanswered: the app waits UAC_ANSWER_LIMIT_MS, then nothing ran', async () => {
    totals.faults += 1
    const { pc, before, beforeBytes } = await prepared(ELEVATED_FIX.scenario, { uacLimitMs: 20 })
    pc.host.setUacResponse('timeout')
    expect(await pc.app.apply(ELEVATED_FIX.fix)).toMatchObject({ status: 'elevation-failed' })
    expect(pc.elevatedCalls[0]).toMatchObject({
      timeoutMs: UAC_ANSWER_LIMIT_MS,
      inactivityTimeoutMs: FIX_SCRIPTS['remove-hyperv-firewall-disable'].timeLimitMs,
    })
    const entry = await onlyEntry(pc.app)
    expect(entry?.steps.every((s) => s.status === 'not-run') ?? true).toBe(true)
    await expectAgreement(pc, before)
    await expectUndoRestores(pc, before, beforeBytes)
  })

  it('the elevated process killed after its step changed the registry: the journal has the undo anyway', async () => {
    totals.faults += 1
    const { pc, before, beforeBytes } = await prepared(ELEVATED_FIX.scenario)
    pc.host.setElevatedFault({ kind: 'killed', afterSteps: 1 })
    expect(await pc.app.apply(ELEVATED_FIX.fix)).toMatchObject({ status: 'elevation-failed' })
    expect(pc.host.scenario.host.hyperVFirewallDisabled).toBe(false)
    const entry = await onlyEntry(pc.app)
    expect(entry?.steps.map((s) => s.status)).toEqual(['done', 'done'])
    expect(entry?.undo).toEqual([{ kind: 'restore-registry-value', value: 'hyperv-firewall-disable', previous: 1 }])
    await expectAgreement(pc, before)
    pc.host.setElevatedFault(null)
    await expectUndoRestores(pc, before, beforeBytes)
  })

  it('the elevated process killed before a step started: that step is not-run, the earlier ones done', async () => {
    totals.faults += 1
    const { pc, before, beforeBytes } = await prepared('healthy-win11-24h2')
    pc.host.setElevatedFault({ kind: 'killed', afterSteps: 1 })
    const outcome = await pc.app.apply('toggle-vmp')
    expect(outcome).toMatchObject({ status: 'elevation-failed' })
    pc.host.setElevatedFault(null)
    const entry = await onlyEntry(pc.app)
    const elevated = entry?.steps.filter((s) => FIX_SCRIPTS[s.script as keyof typeof FIX_SCRIPTS].elevated).map((s) => s.status)
    expect(elevated?.[0]).toBe('done')
    expect(elevated?.slice(1).every((s) => s === 'not-run')).toBe(true)
    await expectAgreement(pc, before)
    await expectUndoRestores(pc, before, beforeBytes)
  })

  it('PowerShell dies in the step before the elevated one: the elevated step never runs', async () => {
    totals.faults += 1
    const wrapHost = (host: PowerShellHost): PowerShellHost => ({
      kind: host.kind,
      run: (script, o) =>
        script.id === 'fix:wsl-shutdown'
          ? Promise.resolve({ ok: false, error: { kind: 'process-died', detail: 'powershell.exe exited' }, durationMs: 1 })
          : host.run(script, o),
      dispose: () => host.dispose(),
    })
    const { pc, before, beforeBytes } = await prepared(ELEVATED_FIX.scenario, { wrapHost })
    expect(await pc.app.apply(ELEVATED_FIX.fix)).toMatchObject({ status: 'failed', failedStep: 0 })
    expect(pc.host.scenario.host.hyperVFirewallDisabled).toBe(true)
    expect((await onlyEntry(pc.app))?.steps.map((s) => s.status)).toEqual(['failed', 'not-run'])
    await expectAgreement(pc, before)
    await expectUndoRestores(pc, before, beforeBytes)
  })

  for (const target of [FILE_FIX, ELEVATED_FIX]) {
    it(`the app killed at every journal write of ${target.fix}: the next start recovers the run`, async () => {
      const writes = await journalWritesOf(target.scenario, target.fix)
      expect(writes).toBeGreaterThan(2)
      for (let k = 1; k <= writes; k++) {
        totals.faults += 1
        const io = failingIo(k, 'killed')
        const { pc, before, beforeBytes } = await prepared(target.scenario, { io })
        void pc.app.apply(target.fix)
        await until(() => io.writes() >= k)
        pc.restart()
        await expectAgreement(pc, before)
        await expectUndoRestores(pc, before, beforeBytes)
      }
    })

    it(`the disk is full at every journal write of ${target.fix}: no step runs without its undo on disk`, async () => {
      const writes = await journalWritesOf(target.scenario, target.fix)
      for (let k = 1; k <= writes; k++) {
        totals.faults += 1
        const io = failingIo(k, 'disk-full')
        const { pc, before, beforeBytes } = await prepared(target.scenario, { io })
        const outcome = await pc.app.apply(target.fix)
        // Only the last write (the "finished" mark) may fail after everything ran.
        if (k < writes) expect(outcome.status).not.toBe('completed')
        pc.restart()
        await expectAgreement(pc, before)
        await expectUndoRestores(pc, before, beforeBytes)
      }
    })
  }

  it('a reboot mid-fix (the elevated side and the app both gone): recovered at the next start', async () => {
    totals.faults += 1
    const writes = await journalWritesOf(ELEVATED_FIX.scenario, ELEVATED_FIX.fix)
    const io = failingIo(writes, 'killed')
    const { pc, before, beforeBytes } = await prepared(ELEVATED_FIX.scenario, { io })
    void pc.app.apply(ELEVATED_FIX.fix)
    await until(() => io.writes() >= writes)
    pc.host.reboot()
    pc.restart()
    const runs = await pc.app.call('fix:interrupted', undefined)
    expect(runs).toHaveLength(1)
    expect(runs[0]?.steps.map((s) => s.status)).toEqual(['done', 'done'])
    await expectAgreement(pc, before)
    await expectUndoRestores(pc, before, beforeBytes)
  })

  it('a step hanging past its limit: the run ends, the step is "may have run", undo is safe', async () => {
    totals.faults += 1
    const { pc, before, beforeBytes } = await prepared(ELEVATED_FIX.scenario, { uacLimitMs: 30 })
    pc.host.setElevatedFault({ kind: 'hang', atStep: 0 })
    expect(await pc.app.apply(ELEVATED_FIX.fix)).toMatchObject({ status: 'elevation-failed' })
    const entry = await onlyEntry(pc.app)
    expect(entry?.steps.map((s) => s.status)).toEqual(['done', 'running'])
    // Read unelevated before it ran: the value the step would remove.
    expect(entry?.undo).toEqual([{ kind: 'restore-registry-value', value: 'hyperv-firewall-disable', previous: 1 }])
    await expectAgreement(pc, before)
    pc.host.setElevatedFault(null)
    await expectUndoRestores(pc, before, beforeBytes)
  })

  it('two fixes requested at once: one runs, the other is told "busy"; undo during an apply too', async () => {
    totals.faults += 1
    const { pc, before, beforeBytes } = await prepared(FILE_FIX.scenario)
    const [a, b] = await Promise.all([pc.app.apply(FILE_FIX.fix), pc.app.apply(FILE_FIX.fix)])
    expect([a.status, b.status].sort()).toEqual(['busy', 'completed'])
    const entry = await onlyEntry(pc.app)
    const [undo, apply] = await Promise.all([
      pc.app.call('fix:undo', { entryId: entry?.id ?? 'missing-entry' }),
      pc.app.apply('wslconfig-set-none').catch(() => ({ status: 'busy' as const })),
    ])
    expect([undo.status, apply.status]).toContain('busy')
    await expectAgreement(pc, before)
    if (undo.status === 'undone') expect(undoableState(pc.host.scenario)).toEqual(before)
    else await expectUndoRestores(pc, before, beforeBytes)
  })
})
