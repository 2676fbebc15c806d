import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { snapshot } from '../../../../shared/diagnosis/test-support/test-snapshot'
import { renderFindings } from '../wslconfig/test-support/render-findings'

const areas = (testId: string) => [...screen.getByTestId(testId).querySelectorAll(':scope > ul > li')].map((li) => li.getAttribute('data-area'))

describe('Passed and not checked lists', () => {
  it('collapses healthy areas into "Passed checks" on a fully read healthy PC', async () => {
    await renderFindings(snapshot())
    expect(screen.getByTestId('no-findings')).toBeTruthy()
    const passed = screen.getByTestId('passed-checks')
    expect(passed.hasAttribute('open')).toBe(false)
    expect(within(passed).getByText('Passed checks (15)')).toBeTruthy()
    expect(within(passed).getByText('No Windows DNS policy (NRPT) that WSL would miss')).toBeTruthy()
    expect(within(passed).getByText('.wslconfig has no problems')).toBeTruthy()
    expect(within(passed).getByText('No VPN, security or proxy software known to affect WSL in the installed programs list')).toBeTruthy()
    expect(within(passed).getByText('Inside WSL: network interface, DNS, HTTPS and localhost work')).toBeTruthy()
    expect(screen.queryByTestId('not-checked')).toBeNull()
  })

  it('never lists an unknown probe’s area as passed; it is "Not checked" with the reason', async () => {
    await renderFindings(snapshot({ 'wsl-startup': { unknown: 'no-consent' }, 'firewall-profiles': { unknown: 'access-denied' } }), 'zh-CN')
    expect(areas('passed-checks')).not.toContain('nat-network')
    expect(areas('passed-checks')).not.toContain('firewall')
    expect(areas('not-checked')).toEqual(['nat-network', 'firewall'])
    const notChecked = screen.getByTestId('not-checked')
    expect(within(notChecked).getByText('未检查（2）')).toBeTruthy()
    expect(notChecked.textContent).toContain('未运行：未允许启动 WSL')
    expect(notChecked.textContent).toContain('没有管理员权限，Windows 拒绝访问')
  })

  it('never passes the inside-WSL area when the check inside the distro was not allowed', async () => {
    await renderFindings(snapshot({ 'wsl-network-check': { unknown: 'no-consent' } }))
    expect(areas('passed-checks')).not.toContain('inside-wsl')
    expect(areas('not-checked')).toEqual(['inside-wsl'])
  })

  it('leaves an area with a finding out of both lists', async () => {
    await renderFindings(snapshot({ 'wsl-install': { msiVersion: null, appxVersion: null, versionOutput: null } }))
    expect(screen.getByTestId('finding-wsl-inbox-only')).toBeTruthy()
    expect(areas('passed-checks')).not.toContain('wsl-install')
  })
})
