import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { settleLazySteps } from '../../test-support/test-render'
import { describe, expect, it } from 'vitest'
import { MachineSnapshot } from '../../../../shared/machine/snapshot'
import natJson from '../../../../shared/report/__fixtures__/nat-0x80041002.snapshot.json'
import seedJson from '../../../../shared/report/__fixtures__/seed-22000-mirrored.snapshot.json'
import { App } from '../../App'
import { createFakeBridge } from '../../state/test-support/fake-bridge'
import { StoreProvider } from '../../state/store-context'
import { createWizardStore } from '../../state/wizard-store'

// Scans of the scenarios, frozen (and kept current) by shared/report/markdown.test.ts.
const seed = MachineSnapshot.parse(seedJson)
const nat = MachineSnapshot.parse(natJson)

async function renderReport(options: { snapshot?: MachineSnapshot; scan?: boolean; locales?: string[] } = {}) {
  const store = createWizardStore(createFakeBridge({ snapshot: options.snapshot ?? seed, appInfo: { osLocales: options.locales ?? ['en-US'] } }))
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  )
  await act(() => store.getState().initialize())
  if (options.scan !== false) await act(() => store.getState().startScan())
  act(() => store.getState().goTo('report'))
  await settleLazySteps()
  return store
}

const preview = () => screen.getByTestId('report-preview').textContent ?? ''

function upload(content: string, name = 'snapshot.json') {
  const input = screen.getByTestId('open-snapshot-input')
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'application/json' })] } })
}

describe('ReportStep', () => {
  it('without a scan says to scan first and still offers to open a snapshot', async () => {
    await renderReport({ scan: false })
    expect(screen.getByTestId('report-empty').textContent).toBe('Run a scan first: the report is made from its results.')
    expect(screen.getByRole('button', { name: 'Open a snapshot…' })).toBeTruthy()
    expect(screen.queryByTestId('report-preview')).toBeNull()
  })

  it('previews redacted Markdown by default and the real names when redaction is off', async () => {
    await renderReport()
    const toggle = screen.getByRole('checkbox', { name: /Redact personal information/ })
    expect((toggle as HTMLInputElement).checked).toBe(true)
    expect(preview()).toContain('## WSL networking report: This Windows version cannot run mirrored networking')
    expect(preview()).toContain('```text\nwsl: Mirrored networking mode is not supported')
    expect(preview()).not.toMatch(/\blei\b/)
    // Six: the host-dns probe adds the LAN router (the Wi-Fi's DNS server and the default route's next hop).
    expect(screen.getByTestId('redaction-summary').textContent).toBe('Hidden: user names: 1, IP addresses: 6.')
    expect(screen.getByTestId('redaction-details').textContent).toContain('lei → <user>')
    fireEvent.click(toggle)
    expect(screen.getByTestId('redaction-summary').textContent).toContain('Redaction is off')
    expect(preview()).not.toContain('personal information hidden')
  })

  it('copies through the selection fallback when the clipboard API is refused', async () => {
    await renderReport()
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } })
    const copied: string[] = []
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (cmd: string) => (copied.push(`${cmd}:${window.getSelection()?.toString().slice(0, 8)}`), true),
    })
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied. Paste it into the issue or message.'))
    expect(copied).toEqual(['copy:## WSL n'])
  })

  it('rejects a file that is not a snapshot, says why, and keeps the current scan', async () => {
    const store = await renderReport()
    const before = store.getState().scan
    upload('not json at all')
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('This file is not JSON, so it is not a snapshot. Nothing was changed.'))
    upload(JSON.stringify({ schemaVersion: 7, facts: {} }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('newer version of the app (format 7)'))
    upload(JSON.stringify({ hello: 'world' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('This file is not a WSL Network Doctor snapshot. Nothing was changed.'))
    expect(store.getState().scan).toBe(before)
  })

  it('opens a valid snapshot: labelled, previewed, and shown by the Findings step', async () => {
    const store = await renderReport({ scan: false, locales: ['zh-CN'] })
    upload(JSON.stringify(nat))
    await waitFor(() => expect(screen.getByTestId('opened-snapshot').textContent).toContain('模拟电脑“nat-0x80041002”'))
    expect(screen.getByRole('status').textContent).toBe('已打开快照。它的诊断结果现在显示在“诊断结果”步骤中。')
    expect(preview()).toContain('Windows 无法创建 WSL 的虚拟交换机（0x80041002）')
    expect(store.getState().scan.phase).toBe('finished')
    fireEvent.click(screen.getByTestId('opened-show-findings'))
    await settleLazySteps()
    expect(screen.getByTestId('findings').querySelector('article')?.getAttribute('data-testid')).toBe('finding-nat-vmswitch-not-found')
  })
})
