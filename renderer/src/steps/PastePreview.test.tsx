import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithStore, settleLazySteps } from '../test-support/test-render'
import { WelcomeStep } from './WelcomeStep'

const paste = async (text: string) => {
  fireEvent.change(screen.getByTestId('pasted-output'), { target: { value: text } })
  await settleLazySteps()
}

describe('PastePreview: recognised command outputs (issue 11 #3)', () => {
  it('Chinese ipconfig /all: each fact shown back as "你粘贴的…"', async () => {
    await renderWithStore(<WelcomeStep />, { state: { locale: 'zh-CN' } })
    // The WSL switch adapter as a Chinese Windows prints it (a public course report, code search).
    await paste(
      '以太网适配器 vEthernet (WSL):\n\n   连接特定的 DNS 后缀 . . . . . . . :\n   描述. . . . . . . . . . . . . . . : Hyper-V Virtual Ethernet Adapter #2\n   本地链接 IPv6 地址. . . . . . . . : fe80::7daa:ba27:aae5:f508%23(首选)\n   IPv4 地址 . . . . . . . . . . . . : 172.22.16.1(首选)',
    )
    const items = [...screen.getByTestId('paste-outputs').querySelectorAll('li')].map((li) => li.textContent)
    expect(items).toEqual(['你粘贴的 ipconfig：存在适配器 vEthernet (WSL)（WSL 的 NAT 交换机）。'])
    expect(screen.getByTestId('paste-preview').textContent).not.toContain('尚未识别')
  })

  it('ip a with only lo (microsoft/WSL#11090): shown as "Linux has no network", with what it rests on', async () => {
    await renderWithStore(<WelcomeStep />)
    await paste(
      '$ ip a\n1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever',
    )
    expect(screen.getByTestId('paste-outputs').textContent).toBe(
      "You pasted the distro's interfaces: no interface but loopback is up with an address (lo 127.0.0.1), so Linux has no network.",
    )
  })
})
