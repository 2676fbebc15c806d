import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithStore } from '../../test-support/test-render'
import { FixStep } from '../FixStep'

const manual = { key: 'unavailable.manualEdit', args: { path: 'C:\\Users\\alex\\.wslconfig', lines: '[wsl2]\nnetworkingMode=nat' } }

describe('a fix the app cannot write without changing other bytes', () => {
  it('says so and gives the exact lines to type (en)', async () => {
    await renderWithStore(<FixStep />, { state: { fix: { phase: 'unavailable', fixId: 'wslconfig-set-nat', reason: manual } } })
    expect(screen.getByTestId('fix-unavailable').textContent).toContain('so it does not write the file')
    expect(screen.getByTestId('manual-edit-lines').textContent).toBe('[wsl2]\nnetworkingMode=nat')
  })

  it('in Simplified Chinese, addressing the user as 你', async () => {
    await renderWithStore(<FixStep />, { state: { locale: 'zh-CN', fix: { phase: 'unavailable', fixId: 'wslconfig-set-nat', reason: manual } } })
    const text = screen.getByTestId('fix-unavailable').textContent ?? ''
    expect(text).toContain('因此应用不会写入该文件')
    expect(text).not.toContain('您')
    expect(screen.getByTestId('manual-edit-lines').textContent).toBe('[wsl2]\nnetworkingMode=nat')
  })

  it('other reasons show no manual lines', async () => {
    await renderWithStore(<FixStep />, { state: { fix: { phase: 'unavailable', fixId: 'wslconfig-set-nat', reason: { key: 'unavailable.policyLocked' } } } })
    expect(screen.queryByTestId('manual-edit-lines')).toBeNull()
  })
})
