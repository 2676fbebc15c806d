import type { Finding } from '../../../shared/diagnosis/finding'
import type { FindingId } from '../../../shared/diagnosis/finding-ids'
import type { NextStep, StillTrue, VerifyVerdict } from '../../../shared/repair/verify-verdict'
import { assertNever } from '../../../shared/util/assert-never'
import { useDiagnosisText } from '../i18n/use-diagnosis-text'
import { useT } from '../i18n/use-t'
import { useWizard } from '../state/store-context'
import { useVerifyOutcome } from '../state/verify-state'
import { NetworkCheckTable } from './network-check/NetworkCheckTable'
import { RunNetworkCheck } from './network-check/RunNetworkCheck'

/**
 * Verify: after a fix, exactly one verdict — "Networking works", "The cause is gone but networking
 * still fails", "Not fixed" or "Can't tell" — from the same findings the Findings step shows and
 * the networking check inside WSL (`verify-state.ts`). A cause the fix only worked around is
 * "still true", never "fixed"; every verdict that is not "works" names the next step.
 */
export function VerifyStep() {
  const t = useT()
  const outcome = useVerifyOutcome()
  const resume = useWizard((s) => s.resume)
  const context = useWizard((s) => s.verifyContext)
  const d = useDiagnosisText()
  if (outcome === null) {
    const waiting = context !== null && !context.ready
    return (
      <section className="step-page" aria-labelledby="verify-title">
        <h2 id="verify-title">{t('verify.title')}</h2>
        {waiting ? (
          <p className="panel panel-warn" data-testid="verify-waiting">
            {resume?.nextPhase != null
              ? t('verify.partDone', { part: resume.nextPhase, parts: resume.parts ?? resume.nextPhase + 1 })
              : t('verify.waiting', { fix: d(`fix.${context.fixId}.title`) })}
          </p>
        ) : (
          <p data-testid="verify-none">{t('verify.none')}</p>
        )}
      </section>
    )
  }
  const { verdict, findingsAfter } = outcome
  // A finding's own arguments (its version, its code): from now, or from before the fix when it is gone.
  const byId = (id: FindingId) => findingsAfter.find((f) => f.id === id) ?? context?.findingsBefore.find((f) => f.id === id)
  const others = findingsAfter.filter((f) => f.severity !== 'info' && !('remaining' in verdict && verdict.remaining.includes(f.id)))
  return (
    <section className="step-page" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('verify.title')}</h2>
      <div
        className={`panel verdict verdict-${verdict.kind}`}
        data-testid="verdict"
        data-verdict={verdict.kind}
        data-resolved={outcome.comparison.resolved.join(' ')}
        data-remaining={outcome.comparison.remaining.join(' ')}
        role="status"
      >
        <p className="muted">{t('verify.fixTried', { fix: d(`fix.${outcome.fixId}.title`) })}</p>
        <h3 data-testid="verdict-title">{t(`verify.verdict.${verdict.kind}`)}</h3>
        <VerdictBody verdict={verdict} byId={byId} />
      </div>
      {'stillTrue' in verdict && verdict.stillTrue.map((s) => <StillTruePanel key={s.findingId} stillTrue={s} />)}
      {'next' in verdict && <NextStepPanel next={verdict.next} />}
      {/* The networking check's table, as on Findings (H1's component); with consent offered when it did not run. */}
      <NetworkCheckTable
        snapshot={outcome.snapshot}
        {...(verdict.kind === 'cant-tell' && verdict.reason === 'networking-not-checked' ? { action: <RunNetworkCheck /> } : {})}
      />
      <FollowUp others={others} />
    </section>
  )
}

function VerdictBody({ verdict, byId }: { readonly verdict: VerifyVerdict; readonly byId: (id: FindingId) => Finding | undefined }) {
  const t = useT()
  const d = useDiagnosisText()
  const title = (id: FindingId) => d(`finding.${id}.title`, byId(id)?.args ?? {})
  // After a restart only the ids are known: titles that need their arguments have a short form.
  const shortTitle = (id: FindingId) => (id === 'wsl-outdated' || id === 'nat-creation-failed' ? t(`verify.short.${id}`) : d(`finding.${id}.title`))
  const resolvedList = (ids: readonly FindingId[]) =>
    ids.length > 0 && (
      <>
        <h4>{t('verify.gone')}</h4>
        <ul data-testid="resolved">
          {ids.map((id) => (
            <li key={id} data-finding={id}>
              {byId(id) ? title(id) : shortTitle(id)}
            </li>
          ))}
        </ul>
      </>
    )
  switch (verdict.kind) {
    case 'works':
      return (
        <>
          <p className="result-ok" data-testid="verify-ok">
            {t('verify.verdict.works.body')}
          </p>
          {resolvedList(verdict.resolved.filter((id) => !verdict.stillTrue.some((s) => s.findingId === id)))}
        </>
      )
    case 'cause-gone-still-fails':
      return (
        <>
          <p className="result-bad">{t('verify.verdict.cause-gone-still-fails.body', { checks: verdict.failed.map((id) => t(`netcheck.check.${id}`)) })}</p>
          {resolvedList(verdict.resolved.filter((id) => !verdict.stillTrue.some((s) => s.findingId === id)))}
        </>
      )
    case 'not-fixed':
      return (
        <>
          <p className="result-bad">{t('verify.verdict.not-fixed.body', { findings: verdict.remaining.map(title) })}</p>
          <ul data-testid="remaining">
            {verdict.remaining.map((id) => (
              <li key={id} data-finding={id}>
                {title(id)}
              </li>
            ))}
          </ul>
          {verdict.cameBack.length > 0 && (
            <p className="panel panel-warn" data-testid="came-back" data-findings={verdict.cameBack.join(' ')}>
              {t('verify.cameBack', { findings: verdict.cameBack.map(title) })}
            </p>
          )}
        </>
      )
    case 'cant-tell':
      return (
        <>
          <p>{t(`verify.verdict.cant-tell.${verdict.reason}`)}</p>
          {resolvedList(verdict.resolved.filter((id) => !verdict.stillTrue.some((s) => s.findingId === id)))}
        </>
      )
    default:
      return assertNever(verdict, 'verify verdict')
  }
}

/** A cause the fix avoided: still true on this PC, with what would remove it. */
function StillTruePanel({ stillTrue }: { readonly stillTrue: StillTrue }) {
  const t = useT()
  const d = useDiagnosisText()
  return (
    <section className="panel panel-warn" data-testid={`still-true-${stillTrue.findingId}`}>
      <h4>{t('verify.stillTrue', { finding: d(`finding.${stillTrue.findingId}.title`) })}</h4>
      {stillTrue.options.length === 0 ? (
        <p>{t('verify.stillTrue.nothing')}</p>
      ) : (
        <>
          <p>{t('verify.stillTrue.body')}</p>
          <ul>
            {stillTrue.options.map((rung) => (
              <li key={rung.fixId} data-fix={rung.fixId}>
                <strong>{d(`fix.${rung.fixId}.title`)}</strong> — {d(`fix.${rung.fixId}.how`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** The next step, named: a rung to review (or follow by hand), or the report. */
function NextStepPanel({ next }: { readonly next: NextStep }) {
  const t = useT()
  const d = useDiagnosisText()
  const planFix = useWizard((s) => s.planFix)
  switch (next.kind) {
    case 'rung': {
      const fix = d(`fix.${next.rung.fixId}.title`)
      return (
        <section className="panel" data-testid="next-step" data-next={next.rung.fixId}>
          <h4>{t('verify.next', { fix })}</h4>
          <p className="muted">{t('verify.next.forFinding', { finding: d(`finding.${next.findingId}.title`) })}</p>
          <p>{d(`fix.${next.rung.fixId}.how`)}</p>
          {next.rung.offer.kind === 'app' && (
            <div className="actions">
              <button type="button" className="primary" onClick={() => void planFix(next.rung.fixId)} data-testid="next-rung">
                {t('verify.next.review', { fix })}
              </button>
            </div>
          )}
        </section>
      )
    }
    case 'finding':
      return (
        <p className="panel" data-testid="next-step" data-next="none">
          {t('verify.next.finding', { finding: d(`finding.${next.findingId}.title`) })}
        </p>
      )
    case 'report':
      return (
        <p className="panel" data-testid="next-step" data-next="report">
          {t('verify.next.report')}
        </p>
      )
    default:
      return assertNever(next, 'next step')
  }
}

/** No dead end: other findings still listed, and "still broken? paste what you saw / report". */
function FollowUp({ others }: { readonly others: readonly Finding[] }) {
  const t = useT()
  const goTo = useWizard((s) => s.goTo)
  return (
    <section className="panel" data-testid="verify-follow-up">
      {others.length > 0 && <p data-testid="verify-others">{t('verify.otherFindings', { count: others.length })}</p>}
      <p>{t('verify.stillBroken')}</p>
      <div className="actions">
        <button type="button" onClick={() => goTo('findings')} data-testid="verify-see-findings">
          {t('verify.seeFindings')}
        </button>
        <button type="button" onClick={() => goTo('welcome')} data-testid="verify-paste">
          {t('verify.paste')}
        </button>
        <button type="button" onClick={() => goTo('report')} data-testid="verify-report">
          {t('verify.report')}
        </button>
      </div>
    </section>
  )
}
