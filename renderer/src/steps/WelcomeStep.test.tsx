import { act, fireEvent, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderWithStore, settleLazySteps } from '../test-support/test-render'
import { createFakeBridge } from '../state/test-support/fake-bridge'
import { WelcomeStep } from './WelcomeStep'

const paste = async (text: string) => {
  fireEvent.change(screen.getByTestId('pasted-output'), { target: { value: text } })
  await settleLazySteps()
}

describe('WelcomeStep states', () => {
  it('empty: says what is checked and that nothing changes, with no preview until something is pasted', async () => {
    await renderWithStore(<WelcomeStep />)
    expect(screen.getByRole('heading', { level: 3, name: 'What will be checked' })).toBeTruthy()
    expect(screen.queryByTestId('paste-preview')).toBeNull()
    await paste('   \n  ')
    expect(screen.queryByTestId('paste-preview')).toBeNull()
  })

  it('unrecognised text: says nothing was recognised rather than guessing', async () => {
    await renderWithStore(<WelcomeStep />)
    await paste('bash: foo: command not found')
    expect(screen.getByTestId('paste-preview').textContent).toBe('No WSL message or error code recognised yet.')
    expect(screen.queryByTestId('paste-top-finding')).toBeNull()
  })

  it('Chinese WSL output: the message and the HNS error path are recognised and named in Chinese', async () => {
    await renderWithStore(<WelcomeStep />, { state: { locale: 'zh-CN' } })
    await paste('无法配置网络 (networkingMode Nat)。\n错误代码: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002')
    expect(screen.getByTestId('paste-preview').textContent).toContain('0x80041002')
    expect(screen.getByTestId('paste-top-finding').textContent).toMatch(/^看起来是：.*0x80041002/)
  })

  it('German WSL output: recognised by WSL’s own German template, not by English words', async () => {
    await renderWithStore(<WelcomeStep />)
    await paste(
      'wsl: Der gespiegelte Netzwerkmodus wird nicht unterstützt: Windows-Version 22000. 2836 verfügt nicht über die erforderlichen Features.\nFallback auf NAT-Netzwerk.',
    )
    expect(screen.getByTestId('paste-preview').textContent).toContain('de-DE')
    expect(screen.getByTestId('paste-top-finding').textContent).toBe(
      'This looks like: This Windows version cannot run mirrored networking. The scan will check the cause on this PC.',
    )
  })

  it('the pasted text survives a language switch', async () => {
    const { store } = await renderWithStore(<WelcomeStep />)
    await paste('Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002')
    act(() => store.getState().setLocale('zh-CN'))
    expect(screen.getByTestId<HTMLTextAreaElement>('pasted-output').value).toContain('0x80041002')
    expect(screen.getByTestId('paste-top-finding').textContent).toMatch(/^看起来是：/)
  })

  it('consent: off by default; the scan is asked to start WSL only after the box is ticked', async () => {
    const bridge = createFakeBridge({})
    const runScan = vi.spyOn(bridge, 'runScan')
    await renderWithStore(<WelcomeStep />, { bridge })
    expect(screen.getByTestId<HTMLInputElement>('consent-wsl-start').checked).toBe(false)
    await act(async () => fireEvent.click(screen.getByTestId('start-scan')))
    expect(runScan).toHaveBeenLastCalledWith(expect.objectContaining({ allowWslStart: false }))
    fireEvent.click(screen.getByTestId('consent-wsl-start'))
    await act(async () => fireEvent.click(screen.getByTestId('start-scan')))
    expect(runScan).toHaveBeenLastCalledWith(expect.objectContaining({ allowWslStart: true }))
  })
})
