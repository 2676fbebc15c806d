import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { classify, evaluate, loadExceptions, readSarif, type Finding, type GateException, type ToolIssue } from './electronegativity-gate'

/**
 * The gate's decision logic, without the tool (which CI installs separately and runs in
 * `npm run security:electronegativity`, including a self-test on a planted insecure window).
 */

const root = '/repo'

/** A SARIF log as electronegativity 1.10.3 writes it (no severity; level note = manual review). */
function sarif(results: { rule: string; uri: string; line: number; column: number; level?: string }[]): string {
  return JSON.stringify({
    $schema: 'http://json.schemastore.org/sarif-2.1.0',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Electronegativity', version: '1.10.3', rules: [] } },
        results: results.map((result) => ({
          ruleId: result.rule,
          level: result.level ?? 'warning',
          message: { text: result.rule },
          locations: [
            { physicalLocation: { artifactLocation: { uri: result.uri }, region: { startLine: result.line, startColumn: result.column, charLength: 10 } } },
          ],
        })),
      },
    ],
  })
}

function issue(id: string, file: string, line: number, column: number, severity: string, manualReview = false): ToolIssue {
  return { id, file, location: { line, column }, severity: { name: severity }, confidence: { name: 'FIRM' }, manualReview }
}

const exception = (rule: string, file: string, max = 1): GateException => ({ target: 'sources', rule, file, max, reason: 'documented in the test' })

describe('electronegativity gate', () => {
  it('reads SARIF results and joins them with the tool’s severities (columns are 1-based in SARIF)', () => {
    const log = sarif([
      { rule: 'CONTEXT_ISOLATION_JS_CHECK', uri: '/repo/electron/main/bad.ts', line: 3, column: 19 },
      { rule: 'CSP_GLOBAL_CHECK', uri: 'file:///', line: 1, column: 1 },
      { rule: 'OPEN_EXTERNAL_JS_CHECK', uri: '/repo/electron/main/harden.ts', line: 48, column: 79, level: 'note' },
    ])
    const findings = classify('sources', root, readSarif(log), [
      issue('CONTEXT_ISOLATION_JS_CHECK', '/repo/electron/main/bad.ts', 3, 18, 'HIGH'),
      issue('CSP_GLOBAL_CHECK', 'N/A', 0, 0, 'MEDIUM'),
      issue('OPEN_EXTERNAL_JS_CHECK', '/repo/electron/main/harden.ts', 48, 78, 'INFORMATIONAL', true),
    ])
    expect(findings.map((finding) => [finding.rule, finding.file, finding.severity, finding.level])).toEqual([
      ['CONTEXT_ISOLATION_JS_CHECK', 'electron/main/bad.ts', 'HIGH', 'warning'],
      ['CSP_GLOBAL_CHECK', 'N/A', 'MEDIUM', 'warning'],
      ['OPEN_EXTERNAL_JS_CHECK', 'electron/main/harden.ts', 'INFORMATIONAL', 'note'],
    ])
  })

  it('passes when every HIGH/MEDIUM finding is a documented exception; LOW/INFORMATIONAL never block', () => {
    const findings: Finding[] = [
      {
        target: 'sources',
        rule: 'OPEN_EXTERNAL_JS_CHECK',
        file: 'electron/main/harden.ts',
        line: 48,
        column: 79,
        level: 'note',
        severity: 'MEDIUM',
        confidence: 'TENTATIVE',
      },
      { target: 'bundle', rule: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', line: 4, column: 1, level: 'note', severity: 'LOW', confidence: 'FIRM' },
    ]
    const verdict = evaluate(findings, [exception('OPEN_EXTERNAL_JS_CHECK', 'electron/main/harden.ts'), exception('SANDBOX_JS_CHECK', 'electron/main/gone.ts')])
    expect(verdict.failing).toEqual([])
    expect(verdict.excepted).toHaveLength(1)
    expect(verdict.belowThreshold).toHaveLength(1)
    expect(verdict.unusedExceptions.map((entry) => entry.file)).toEqual(['electron/main/gone.ts'])
  })

  describe('planted defects fail', () => {
    it('a nodeIntegration window in a scratch file (HIGH context isolation, MEDIUM sandbox) fails', () => {
      const log = sarif([
        { rule: 'CONTEXT_ISOLATION_JS_CHECK', uri: '/repo/electron/main/scratch.ts', line: 2, column: 13 },
        { rule: 'SANDBOX_JS_CHECK', uri: '/repo/electron/main/scratch.ts', line: 2, column: 13 },
        { rule: 'NODE_INTEGRATION_JS_CHECK', uri: '/repo/electron/main/scratch.ts', line: 2, column: 49 },
      ])
      const findings = classify('sources', root, readSarif(log), [
        issue('CONTEXT_ISOLATION_JS_CHECK', '/repo/electron/main/scratch.ts', 2, 12, 'HIGH'),
        issue('SANDBOX_JS_CHECK', '/repo/electron/main/scratch.ts', 2, 12, 'MEDIUM'),
        issue('NODE_INTEGRATION_JS_CHECK', '/repo/electron/main/scratch.ts', 2, 48, 'INFORMATIONAL'),
      ])
      const verdict = evaluate(findings, [exception('CONTEXT_ISOLATION_JS_CHECK', 'electron/main/index.ts')])
      expect(verdict.failing.map((finding) => `${finding.severity} ${finding.rule}`)).toEqual([
        'HIGH CONTEXT_ISOLATION_JS_CHECK',
        'MEDIUM SANDBOX_JS_CHECK',
        // The tool rates an explicit nodeIntegration: true INFORMATIONAL; the gate blocks it anyway.
        'INFORMATIONAL NODE_INTEGRATION_JS_CHECK',
      ])
    })

    it('an exception covers only `max` findings: a second insecure window in the same file fails', () => {
      const finding: Finding = {
        target: 'sources',
        rule: 'SANDBOX_JS_CHECK',
        file: 'electron/main/index.ts',
        line: 98,
        column: 18,
        level: 'warning',
        severity: 'MEDIUM',
        confidence: 'FIRM',
      }
      const verdict = evaluate([finding, { ...finding, line: 120 }], [exception('SANDBOX_JS_CHECK', 'electron/main/index.ts')])
      expect(verdict.failing).toHaveLength(1)
    })

    it('a SARIF result the tool did not report (severity unknown) fails closed', () => {
      const findings = classify('sources', root, readSarif(sarif([{ rule: 'NEW_CHECK', uri: '/repo/electron/x.ts', line: 1, column: 1 }])), [])
      expect(evaluate(findings, []).failing.map((entry) => entry.severity)).toEqual(['UNKNOWN'])
    })

    it('a file that is not SARIF 2.1.0 is refused', () => {
      expect(() => readSarif('{"version":"2.0.0","runs":[]}')).toThrow(/not a SARIF 2.1.0 log/)
      expect(() => readSarif('')).toThrow()
    })
  })

  it('the committed exceptions file is well-formed and every entry explains itself', () => {
    const entries = loadExceptions(join(__dirname, '..', '..', 'security', 'electronegativity-exceptions.json'))
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries) expect(['sources', 'bundle']).toContain(entry.target)
  })
})
