import { act, render, screen } from '@testing-library/react'
import { settleLazySteps } from '../../test-support/test-render'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MachineSnapshot } from '../../../../shared/machine/snapshot'
import { prepareReport } from '../../../../shared/report/prepare'
import seedJson from '../../../../shared/report/__fixtures__/seed-22000-mirrored.snapshot.json'
import { App } from '../../App'
import { createFakeBridge } from '../../state/test-support/fake-bridge'
import { StoreProvider } from '../../state/store-context'
import { createWizardStore } from '../../state/wizard-store'
import { PREPARE_TIMEOUT_MS, PrepareTimeoutError, prepareReportInWorker } from './prepare-report-async'
import type { PrepareRequest } from './prepare-report-messages'

const seed = MachineSnapshot.parse(seedJson)

/** A stand-in for a Web Worker (jsdom has none): answers like the real one, or never (a stuck redaction). */
function fakeWorker(mode: 'answer' | 'hang') {
  const created: FakeWorker[] = []
  class FakeWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null
    onerror: ((event: { message: string }) => void) | null = null
    terminated = false
    constructor() {
      created.push(this)
    }
    postMessage(request: PrepareRequest) {
      if (mode === 'hang') return
      queueMicrotask(() => this.onmessage?.({ data: { id: request.id, ok: true, report: prepareReport(request.snapshot, request.options) } }))
    }
    terminate() {
      this.terminated = true
    }
  }
  vi.stubGlobal('Worker', FakeWorker)
  return created
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('prepareReportInWorker', () => {
  const options = { language: 'en' as const, redact: true, appVersion: '0.1.0' }

  it('answers with what prepareReport gives and ends the worker', async () => {
    const workers = fakeWorker('answer')
    const report = await prepareReportInWorker(seed, options, new AbortController().signal)
    expect(report.markdown).toBe(prepareReport(seed, options).markdown)
    expect(workers[0]?.terminated).toBe(true)
  })

  it('gives up after the time limit and ends the worker', async () => {
    vi.useFakeTimers()
    const workers = fakeWorker('hang')
    const pending = prepareReportInWorker(seed, options, new AbortController().signal)
    const failed = expect(pending).rejects.toBeInstanceOf(PrepareTimeoutError)
    await vi.advanceTimersByTimeAsync(PREPARE_TIMEOUT_MS)
    await failed
    expect(workers[0]?.terminated).toBe(true)
  })
})

describe('ReportStep with a worker', () => {
  async function renderReport(locales: string[]) {
    const store = createWizardStore(createFakeBridge({ snapshot: seed, appInfo: { osLocales: locales } }))
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    )
    await act(() => store.getState().initialize())
    await act(() => store.getState().startScan())
    act(() => store.getState().goTo('report'))
    await settleLazySteps()
  }

  it('shows the report once the worker answers', async () => {
    fakeWorker('answer')
    await renderReport(['en-US'])
    await act(async () => {})
    expect(screen.getByTestId('report-preview').textContent).toContain('## WSL networking report')
    expect(screen.queryByTestId('report-preparing')).toBeNull()
  })

  it('says so, in the UI language, instead of freezing when redaction does not finish', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    fakeWorker('hang')
    await renderReport(['zh-CN'])
    expect(screen.getByTestId('report-preparing').textContent).toBe('正在生成报告并隐藏个人信息…')
    expect(screen.getByTestId<HTMLButtonElement>('copy-markdown').disabled).toBe(true)
    await act(() => vi.advanceTimersByTimeAsync(PREPARE_TIMEOUT_MS))
    expect(screen.getByTestId('report-prepare-failed').textContent).toContain('生成报告超过了 5 秒，已停止。')
    expect(screen.getByTestId('report-preview').textContent).toBe('')
  })
})
