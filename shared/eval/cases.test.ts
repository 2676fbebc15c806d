import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { answerCase, loadCases } from '../../electron/cli/eval'
import { main } from '../../electron/cli/diagnose'
import { diagnose } from '../diagnosis/diagnose'
import { diagnosePaste, withPaste } from '../diagnosis/diagnose-paste'
import { evaluate } from './evaluate'

const cases = loadCases()

describe('development set (shared/eval/cases)', () => {
  it('has at least 50 real reports, in English and Simplified Chinese, with unique ids and sources', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50)
    expect(cases.some((c) => c.language === 'zh-CN')).toBe(true)
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length)
  })

  it('keeps the evidence verbatim: every field is a part of the report as the reporter wrote it', () => {
    for (const c of cases) for (const value of Object.values(c.evidence)) expect(c.report, c.id).toContain(value)
  })

  it('scores at least 90 % top-1 over the cases with an established in-product cause', () => {
    const r = evaluate(cases, answerCase)
    expect(r.top1 / r.scored).toBeGreaterThanOrEqual(0.9)
  })
})

describe('one paste path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wnd-eval-'))
  it('the CLI (--evidence) and the wizard (Welcome paste) give the same findings for the same text', async () => {
    for (const c of cases) {
      const file = join(dir, `${c.id}.json`)
      writeFileSync(file, JSON.stringify({ wslOutputText: c.report }))
      const result = await main(['--evidence', file, '--json'])
      expect(result.code, result.stderr).toBe(0)
      const cli = (JSON.parse(result.stdout) as { findings: { id: string }[] }).findings.map((f) => f.id)
      expect(cli, c.id).toEqual(diagnosePaste(c.report).map((f) => f.id))
    }
  })

  it("the Findings step maps a paste the same way: with nothing scanned, its findings are the CLI's", () => {
    const empty = { schemaVersion: 1, appVersion: 'eval', takenAt: '2025-01-01T00:00:00.000Z', source: { kind: 'windows' }, facts: {} } as const
    for (const c of cases) {
      const merged = withPaste(empty, c.report)
      expect(diagnose(merged.snapshot, merged.pastedOutput), c.id).toEqual(diagnosePaste(c.report))
    }
  })
})
