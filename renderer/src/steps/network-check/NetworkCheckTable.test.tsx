import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { snapshot } from '../../../../shared/diagnosis/test-support/test-snapshot'
import { HEALTHY_NAT, networkCheckFact } from '../../../../shared/probes/network-check/network-check-text'
import { createFakeBridge } from '../../state/test-support/fake-bridge'
import { StoreProvider } from '../../state/store-context'
import { createWizardStore } from '../../state/wizard-store'
import { renderFindings } from '../wslconfig/test-support/render-findings'
import { NetworkCheckTable } from './NetworkCheckTable'
import { encodeBase64 } from '../../../../shared/util/base64'

/** wsl.exe's own text as it writes it without WSL_UTF8: UTF-16LE, no BOM. */
const utf16le = (text: string) => Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]))

const outcomes = (): Record<string, string | null> =>
  Object.fromEntries(
    [...screen.getByTestId('network-check').querySelectorAll('tbody tr')].map((tr): [string, string | null] => [
      tr.getAttribute('data-check') ?? '',
      tr.getAttribute('data-outcome'),
    ]),
  )

describe('NetworkCheckTable', () => {
  it('shows a ✓ table and "Networking works" on a healthy distro', async () => {
    await renderFindings(snapshot())
    const table = screen.getByTestId('network-check')
    expect(screen.getByTestId('network-check-verdict').textContent).toBe('✓ Networking works inside WSL.')
    expect(within(table).getByText('Name lookup (www.microsoft.com)')).toBeTruthy()
    expect(outcomes()).toMatchObject({ 'dns-resolution': 'pass', 'tcp-443': 'pass', https: 'pass', 'localhost-linux-to-windows': 'info', mtu: 'info' })
    expect(screen.getByTestId('network-check').querySelector('tr[data-check="localhost-linux-to-windows"]')?.textContent).toContain(
      'NAT mode does not forward this direction (by design)',
    )
    expect(screen.queryByTestId('network-check-run')).toBeNull()
  })

  it('names the failed checks in Chinese and shows what each rests on', async () => {
    const broken = networkCheckFact({ ...HEALTHY_NAT, dns: { ok: false, ms: 10020, code: 2 }, https: { curlExit: 6, ms: 10030 }, tlsIssuer: null })
    await renderFindings(snapshot({ 'wsl-network-check': broken }), 'zh-CN')
    expect(screen.getByTestId('network-check-verdict').textContent).toBe('✗ WSL 里的网络有问题：域名解析（www.microsoft.com）、安全网页请求（HTTPS）。')
    const dnsRow = screen.getByTestId('network-check').querySelector('tr[data-check="dns-resolution"]')!
    expect(dnsRow.textContent).toContain('失败')
    expect(dnsRow.textContent).toContain('10020 ms getent exit 2')
  })

  it('offers the check when it has not run, asks before starting WSL, and rescans with consent', async () => {
    const bridge = createFakeBridge({ snapshot: snapshot({ 'wsl-network-check': { unknown: 'no-consent' } }) })
    const store = createWizardStore(bridge)
    await act(() => store.getState().startScan())
    act(() => store.getState().goTo('findings'))
    const { FindingsStep } = await import('../FindingsStep')
    render(
      <StoreProvider store={store}>
        <FindingsStep />
      </StoreProvider>,
    )
    expect(screen.getByTestId('network-check').getAttribute('data-status')).toBe('not-checked')
    fireEvent.click(screen.getByTestId('network-check-run'))
    // Nothing runs before the user confirms; cancelling leaves consent as it was.
    expect(bridge.calls.filter((c) => c.startsWith('runScan'))).toEqual(['runScan:false'])
    fireEvent.click(screen.getByTestId('network-check-cancel'))
    expect(store.getState().allowWslStart).toBe(false)
    fireEvent.click(screen.getByTestId('network-check-run'))
    await act(async () => {
      fireEvent.click(screen.getByTestId('network-check-confirm'))
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    expect(store.getState().allowWslStart).toBe(true)
    expect(bridge.calls.filter((c) => c.startsWith('runScan'))).toEqual(['runScan:false', 'runScan:true'])
    expect(store.getState().step).toBe('findings')
  })

  it('says it cannot tell, and shows what WSL printed, when the distro is absent', async () => {
    const fact = networkCheckFact(HEALTHY_NAT, 'Debian')
    const stdout = 'There is no distribution with the supplied name.\r\nError code: Wsl/Service/WSL_E_DISTRO_NOT_FOUND\r\n'
    const absent = { ...fact, run: { exitCode: -1, timedOut: false, stdoutBase64: encodeBase64(utf16le(stdout)), stderrBase64: '' } }
    const store = createWizardStore(createFakeBridge({}))
    render(
      <StoreProvider store={store}>
        <NetworkCheckTable snapshot={{ facts: { 'wsl-network-check': { status: 'known', durationMs: 900, data: absent } } }} />
      </StoreProvider>,
    )
    expect(screen.getByTestId('network-check-verdict').textContent).toBe("Can't tell whether networking works inside WSL: the distro was not found.")
    expect(screen.getByTestId('network-check').textContent).toContain('Checked in: Debian')
    expect(screen.getByTestId('network-check').textContent).toContain('WSL_E_DISTRO_NOT_FOUND')
  })
})
