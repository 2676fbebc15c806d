import type { Finding } from '../diagnosis/finding'
import type { FindingId } from '../diagnosis/finding-ids'
import type { EvalCase } from './case'

/** What the product answered for one case: its ranked findings (ids), or "not enough to decide". */
export interface CaseAnswer {
  readonly ranked: readonly FindingId[]
  /** The product said it cannot tell (no cause proven) rather than naming one. */
  readonly undecided: boolean
}

export interface EvalReport {
  readonly total: number
  /** Cases whose thread established a cause the product has a finding for. */
  readonly scored: number
  readonly top1: number
  readonly top2: number
  readonly confusion: readonly { readonly id: string; readonly expected: readonly FindingId[]; readonly got: readonly FindingId[] }[]
  readonly noCause: readonly { readonly id: string; readonly got: readonly FindingId[]; readonly undecided: boolean }[]
  readonly notInProduct: readonly { readonly id: string; readonly cause: string; readonly got: readonly FindingId[]; readonly undecided: boolean }[]
}

/** The ranked ids the product would show first. */
export function answerOf(findings: readonly Finding[], undecided: boolean): CaseAnswer {
  return { ranked: findings.map((f) => f.id), undecided }
}

/** Scores answers against the thread-established causes: top-1/top-2 only over in-product causes. */
export function evaluate(cases: readonly EvalCase[], answer: (c: EvalCase) => CaseAnswer): EvalReport {
  const confusion: EvalReport['confusion'][number][] = []
  const noCause: EvalReport['noCause'][number][] = []
  const notInProduct: EvalReport['notInProduct'][number][] = []
  let scored = 0
  let top1 = 0
  let top2 = 0
  for (const c of cases) {
    const a = answer(c)
    const got = a.undecided ? [] : a.ranked.slice(0, 3)
    const e = c.established
    switch (e.kind) {
      case 'finding': {
        scored += 1
        const hit1 = !a.undecided && a.ranked[0] !== undefined && e.findings.includes(a.ranked[0])
        const hit2 = !a.undecided && a.ranked.slice(0, 2).some((id) => e.findings.includes(id))
        if (hit1) top1 += 1
        if (hit2) top2 += 1
        if (!hit1) confusion.push({ id: c.id, expected: e.findings, got })
        break
      }
      case 'no-established-cause':
        noCause.push({ id: c.id, got: a.ranked.slice(0, 3), undecided: a.undecided })
        break
      case 'cause-not-in-product':
        notInProduct.push({ id: c.id, cause: e.cause, got: a.ranked.slice(0, 3), undecided: a.undecided })
        break
    }
  }
  return { total: cases.length, scored, top1, top2, confusion, noCause, notInProduct }
}

function pct(n: number, d: number): string {
  return d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`
}

export function formatEvalReport(r: EvalReport): string {
  const list = (ids: readonly string[]) => (ids.length === 0 ? '(nothing)' : ids.join(', '))
  return [
    `cases: ${r.total}; with an established in-product cause: ${r.scored}`,
    `top-1: ${r.top1}/${r.scored} = ${pct(r.top1, r.scored)}`,
    `top-2: ${r.top2}/${r.scored} = ${pct(r.top2, r.scored)}`,
    '',
    `confusion (expected → got), ${r.confusion.length}:`,
    ...r.confusion.map((m) => `  ${m.id}: ${m.expected.join(' | ')} → ${list(m.got)}`),
    '',
    `no established cause, ${r.noCause.length} (ideal: not enough to decide): ${r.noCause.filter((c) => c.undecided).length} undecided`,
    ...r.noCause.map((c) => `  ${c.id}: ${c.undecided ? 'not enough to decide' : list(c.got)}`),
    '',
    `cause not in product, ${r.notInProduct.length}:`,
    ...r.notInProduct.map((c) => `  ${c.id}: ${c.cause} → ${c.undecided ? 'not enough to decide' : list(c.got)}`),
  ].join('\n')
}
