import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { diagnoseEvidence } from '../../shared/diagnosis/diagnose-paste'
import { verdictOf } from '../../shared/diagnosis/finding-kind'
import { EvalCase } from '../../shared/eval/case'
import { answerOf, evaluate, formatEvalReport } from '../../shared/eval/evaluate'

export const CASES_DIR = join(__dirname, '..', '..', 'shared', 'eval', 'cases')

/** Every case file, validated; a broken file is an error, never skipped. */
export function loadCases(dir = CASES_DIR): EvalCase[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = EvalCase.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')))
      if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
      return parsed.data
    })
}

/** The product's answer for one case: exactly what `npm run diagnose -- --evidence` computes. */
export function answerCase(c: EvalCase) {
  const findings = diagnoseEvidence(c.evidence, new Date('2025-01-01T00:00:00Z'), 'eval')
  // A report is a reported failure: without a proven cause the answer is "not enough to decide".
  return answerOf(findings, verdictOf(findings, true).kind !== 'cause')
}

if (process.argv[1] && /[\\/]eval\.(ts|js|mjs|cjs)$/.test(process.argv[1])) {
  process.stdout.write(`${formatEvalReport(evaluate(loadCases(), answerCase))}\n`)
}
