import { describe, expect, it } from 'vitest'
import { loadCases } from '../../../electron/cli/eval'
import { snapshotOfScenario } from '../../../electron/simulated-pc/scenario-snapshot'
import { templateArguments } from '../../i18n/format-message'
import { LOCALES } from '../../i18n/locale'
import { buildPlan } from '../../repair/fix-definition'
import { FIX_CATALOG } from '../../repair/catalog'
import { allSteps } from '../../repair/fix-plan'
import { SCENARIOS } from '../../scenarios'
import { diagnoseEvidence } from '../diagnose-paste'
import { diagnose } from '../diagnose'
import { buildMachineView } from '../machine-view'
import type { MessageArgs } from '../finding'
import { diagnosisEn } from './en'
import { formatDiagnosis } from './format'

/**
 * No placeholder reaches the screen (issue 12 item 9): every diagnosis and repair text the rules and
 * the repair catalog produce on every shipped scenario and every real report of the development
 * set is rendered with the arguments it really gets, in both languages, and must have no `{`, no
 * `}` and no empty text. ("WSL {version} is out of date" and "fell back to {mode}" were such cases.)
 */
type Rendered = { readonly key: string; readonly args: MessageArgs; readonly where: string }

function collect(): Rendered[] {
  const out: Rendered[] = []
  const add = (where: string, key: string, args: MessageArgs = {}) => out.push({ key, args, where })
  const sources = [
    ...SCENARIOS.map((scenario) => ({
      where: `scenario ${scenario.id}`,
      snapshot: snapshotOfScenario(scenario, { appVersion: 'test' }),
      pasted: undefined as string | undefined,
    })),
    ...loadCases().map((c) => ({ where: `case ${c.id}`, snapshot: null, pasted: undefined, evidence: c.evidence })),
  ]
  for (const source of sources) {
    const findings = source.snapshot ? diagnose(source.snapshot) : 'evidence' in source ? diagnoseEvidence(source.evidence, new Date(0), 'test') : []
    for (const finding of findings) {
      const where = `${source.where}: ${finding.id}`
      for (const part of ['title', 'summary', 'why']) add(where, `finding.${finding.id}.${part}`, finding.args)
      for (const e of finding.evidence) add(where, e.key, e.args)
      for (const u of finding.unknowns) add(where, u.key, u.args)
      for (const fix of finding.fixes) for (const part of ['title', 'how']) add(where, `fix.${fix}.${part}`)
    }
    if (source.snapshot === null) continue
    const view = buildMachineView(source.snapshot)
    for (const fix of FIX_CATALOG) {
      const where = `${source.where}: fix ${fix.id}`
      const unavailable = fix.unavailable(view, {})
      if (unavailable) {
        add(where, unavailable.key, unavailable.args)
        continue
      }
      const plan = buildPlan(fix, view, {})
      for (const step of allSteps(plan)) add(where, step.describe.key, step.describe.args)
      if ('key' in plan.reversibility) add(where, plan.reversibility.key)
      for (const affect of plan.affects) add(where, `affect.${affect}`)
    }
  }
  return out
}

/** A CLSID in braces is Windows notation, not an unfilled argument. */
const withoutClsids = (text: string) => text.replace(/\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}/gi, '')

describe('diagnosis and repair texts as the rules produce them', () => {
  const rendered = collect()

  it('cover the texts with arguments, so the check below means something', () => {
    const withArgs = new Set(rendered.filter((r) => templateArguments(diagnosisEn[r.key as keyof typeof diagnosisEn] ?? '').length > 0).map((r) => r.key))
    expect(withArgs.size).toBeGreaterThan(40)
  })

  for (const locale of LOCALES) {
    it(`show no "{", "}" or empty text in ${locale}`, () => {
      const bad = rendered
        .map((r) => ({ ...r, text: formatDiagnosis(locale, r.key, r.args) }))
        .filter((r) => r.text === r.key || r.text.trim() === '' || /[{}]/.test(withoutClsids(r.text)))
        .map((r) => `${r.where}: ${r.key} → ${r.text}`)
      expect([...new Set(bad)]).toEqual([])
    })
  }
})
