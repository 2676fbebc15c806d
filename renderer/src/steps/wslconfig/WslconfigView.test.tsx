import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { snapshot } from '../../../../shared/diagnosis/test-support/test-snapshot'
import { encodeBase64 } from '../../../../shared/util/base64'
import { encodeUtf8 } from '../../../../shared/wslconfig/utf8'
import { renderFindings } from './test-support/render-findings'

function withFile(content: string | Uint8Array) {
  const bytes = typeof content === 'string' ? encodeUtf8(content) : content
  return snapshot({ 'wslconfig-file': { exists: true, sizeBytes: bytes.length, contentBase64: encodeBase64(bytes) } })
}

const TYPO = '[wsl2]\r\nnetworkMode=mirrored\r\n'

describe('WslconfigView', () => {
  it('shows WSL’s English warning and the did-you-mean hint under line 2, tied to the line', async () => {
    await renderFindings(withFile(TYPO))
    const view = screen.getByTestId('wslconfig-view')
    expect(view.hasAttribute('open')).toBe(true)
    const line = within(view).getByTestId('wslconfig-line-2')
    expect(within(line).getByRole('rowheader').textContent).toBe('2')
    const warning = within(line).getByTestId('wslconfig-warning')
    expect(warning.textContent).toContain("Unknown key 'wsl2.networkMode' in C:\\Users\\alex\\.wslconfig:2")
    expect(within(line).getByTestId('wslconfig-hint').textContent).toContain('Did you mean “wsl2.networkingMode”?')
    const code = line.querySelector('code')
    expect(code?.textContent).toBe('networkMode=mirrored')
    expect(code?.getAttribute('aria-describedby')?.split(' ')).toContain(warning.id)
    expect(within(view).getByTestId('wslconfig-line-1').querySelector('ul')).toBeNull()
    expect(within(view).queryByTestId('wslconfig-line-3')).toBeNull()
    expect(within(view).getByTestId('wslconfig-encoding').textContent).toBe('UTF-8 without BOM')
    expect(within(view).getByTestId('wslconfig-line-endings').textContent).toBe('CRLF (Windows)')
    expect(within(view).getByTestId('wslconfig-values').textContent).toContain('WSL reads no settings from this file')
  })

  it('shows WSL’s own Chinese text in zh-CN, with a Chinese hint', async () => {
    await renderFindings(withFile(TYPO), 'zh-CN')
    const line = screen.getByTestId('wslconfig-line-2')
    // WSL fills the zh-CN template's `{}` in call order (key, file, line) although the translation
    // put file:line first, so this is what WSL itself prints (see config-warning.test.ts).
    expect(within(line).getByTestId('wslconfig-warning').textContent).toContain('wsl2.networkMode:C:\\Users\\alex\\.wslconfig 中的键“2”未知')
    expect(within(line).getByTestId('wslconfig-hint').textContent).toContain('你是想写“wsl2.networkingMode”吗？')
  })

  it('lists the values WSL reads by canonical name', async () => {
    await renderFindings(withFile('[experimental]\nnetworkingMode=MIRRORED\n'))
    const row = screen.getByTestId('wslconfig-value-wsl2.networkingMode')
    expect(row.textContent).toBe('wsl2.networkingModeMirrored')
    expect(screen.getByTestId('wslconfig-line-2').querySelector('[data-hint]')?.getAttribute('data-hint')).toBe('legacy-experimental-section')
  })

  it('says WSL uses defaults when the file does not exist, and stays closed', async () => {
    await renderFindings(snapshot())
    const view = screen.getByTestId('wslconfig-view')
    expect(view.hasAttribute('open')).toBe(false)
    expect(within(view).getByTestId('wslconfig-missing').textContent).toBe(
      'There is no .wslconfig file at C:\\Users\\alex\\.wslconfig, so WSL uses its default settings.',
    )
    expect(within(view).queryByTestId('wslconfig-listing')).toBeNull()
  })

  it('names UTF-16 without a BOM and shows the NULs WSL reads', async () => {
    const text = '[wsl2]\r\nnetworkingMode=mirrored\r\n'
    const bytes = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i)
    await renderFindings(withFile(bytes))
    const view = screen.getByTestId('wslconfig-view')
    expect(view.hasAttribute('open')).toBe(true)
    expect(within(view).getByTestId('wslconfig-encoding').textContent).toBe('UTF-16 without BOM (WSL reads it as UTF-8)')
    expect(within(view).getByTestId('wslconfig-encoding-notice').textContent).toContain('UTF-16 without a byte order mark')
    expect(within(view).getByTestId('wslconfig-line-1').textContent).toContain('[␀w␀s␀l␀2␀]')
    expect(within(view).queryAllByTestId('wslconfig-hint')).toEqual([])
  })

  it('marks the line that stops the parser', async () => {
    await renderFindings(withFile('[wsl2]\nswap=0\nmacAddress=00:15:5D\n'))
    expect(screen.getByTestId('wslconfig-stops').textContent).toBe('Line 3 makes WSL stop reading the file, so none of its settings apply.')
    expect(within(screen.getByTestId('wslconfig-line-3')).getByTestId('wslconfig-warning').textContent).toContain('WSL stops here')
  })

  it('quotes WSL’s policy message for a setting the policy overrides', async () => {
    const bytes = encodeUtf8('[wsl2]\nnetworkingMode=mirrored\n')
    await renderFindings(
      snapshot({
        'wslconfig-file': { exists: true, sizeBytes: bytes.length, contentBase64: encodeBase64(bytes), policy: { AllowNetworkingModeUserSetting: 0 } },
      }),
    )
    expect(screen.getByTestId('wslconfig-policy').textContent).toContain("The .wslconfig setting 'wsl2.networkingMode' is disabled by the computer policy.")
  })

  it('"Fix these lines" opens the fix-key plan in the Fix step instead of saving', async () => {
    const store = await renderFindings(withFile(TYPO))
    await act(async () => screen.getByTestId('wslconfig-fix-lines').click())
    expect(store.getState().step).toBe('fix')
    expect(store.getState().fix).toMatchObject({ fixId: 'wslconfig-fix-key' })
  })

  it('offers no button when no automatic correction exists', async () => {
    await renderFindings(withFile('[wsl2]\nkernel=C:\\Users\\me\\k\n'))
    expect(screen.queryByTestId('wslconfig-fix-lines')).toBeNull()
    expect(screen.getByText('These lines have to be corrected by hand; the hints say how.')).toBeTruthy()
  })

  it('a lone-CR file: says which settings WSL ignores after the first #, in both languages', async () => {
    const file = withFile('# mine\r[wsl2]\rnetworkingMode=mirrored\r')
    await renderFindings(file)
    expect(screen.getByTestId('wslconfig-view').textContent).toContain('it ignores wsl2.networkingMode')
  })

  it('a lone-CR file in zh-CN', async () => {
    await renderFindings(withFile('# mine\r[wsl2]\rnetworkingMode=mirrored\r'), 'zh-CN')
    const text = screen.getByTestId('wslconfig-view').textContent ?? ''
    expect(text).toContain('忽略了 wsl2.networkingMode')
    expect(text).not.toContain('您')
  })
})
