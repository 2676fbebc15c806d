import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithStore } from '../test-support/test-render'
import { createFakeBridge } from '../state/test-support/fake-bridge'
import { FixStep } from './FixStep'

describe('FixStep states', () => {
  it('before a scan: asks for a scan first', async () => {
    await renderWithStore(<FixStep />)
    expect(screen.getByText('Scan this PC first: fixes are planned from what the scan found.')).toBeTruthy()
  })

  it("unavailable: says why in the user's language", async () => {
    await renderWithStore(<FixStep />, {
      state: { locale: 'zh-CN', fix: { phase: 'unavailable', fixId: 'wslconfig-set-nat', reason: { key: 'unavailable.policyLocked' } } },
    })
    expect(screen.getByTestId('fix-unavailable').textContent).toContain('网络模式由你所在组织的策略决定')
  })

  it('declined UAC: nothing changed, retry offered', async () => {
    const plan = {
      fixId: 'enable-sharedaccess' as const,
      addresses: ['nat-ics-disabled' as const],
      phases: [{ steps: [], rebootAfter: false }],
      needsAdmin: true,
      reboots: 0,
      stopsDistros: false,
      runningDistros: [],
      affects: [],
      reversibility: { kind: 'undoable' as const },
      restorePoint: false,
      verifyProbes: [],
    }
    await renderWithStore(<FixStep />, {
      state: { fix: { phase: 'result', fixId: 'enable-sharedaccess', plan, planPhase: 0, options: {}, result: { status: 'declined', steps: [] } } },
    })
    expect(screen.getByTestId('fix-result').textContent).toContain('Nothing was changed')
    expect(screen.getByTestId('retry-fix')).toBeTruthy()
  })

  it('restore point refused (System Protection off): explains both honest choices, and continuing re-plans without one', async () => {
    const restoreStep = {
      script: 'restore-point' as const,
      elevated: true,
      input: { description: 'x' },
      describe: { key: 'step.restore-point', args: {} },
      command: 'Checkpoint-Computer',
    }
    const plan = {
      fixId: 'winsock-reset' as const,
      addresses: [],
      phases: [{ steps: [restoreStep], rebootAfter: false }],
      needsAdmin: true,
      reboots: 0,
      stopsDistros: false,
      runningDistros: [],
      affects: [],
      reversibility: { kind: 'manual' as const, key: 'reversible.none' },
      restorePoint: true,
      verifyProbes: [],
    }
    const result = {
      status: 'failed' as const,
      entryId: 'j1',
      failedStep: 0,
      detail: 'RuntimeException: WndSystemProtectionOff: System Protection is off for C:; turn it on to create restore points.',
      steps: [],
    }
    const fake = createFakeBridge({})
    const planned: unknown[] = []
    const bridge: typeof fake = {
      ...fake,
      planFix: (input: Parameters<typeof fake.planFix>[0]) => {
        planned.push(input)
        return fake.planFix(input)
      },
    }
    await renderWithStore(<FixStep />, {
      bridge,
      state: { locale: 'zh-CN', fix: { phase: 'result', fixId: 'winsock-reset', plan, planPhase: 0, options: {}, result } } as never,
    })
    const choice = screen.getByTestId('restore-point-choice').textContent ?? ''
    expect(choice).toContain('C: 盘的系统保护已关闭')
    expect(choice).toContain('启用系统保护')
    fireEvent.click(screen.getByTestId('continue-without-restore-point'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(planned).toEqual([{ fixId: 'winsock-reset', options: { skipRestorePoint: true }, phase: 0 }])
  })

  it('error from the bridge: an error panel, not a crash', async () => {
    await renderWithStore(<FixStep />, { state: { fix: { phase: 'error', fixId: 'wsl-shutdown', error: { code: 'handler-failed', detail: 'boom' } } } })
    expect(screen.getByRole('alert').textContent).toContain('handler-failed')
  })
  it('history: each change with its date in the user’s format, undo only where it can be undone', async () => {
    const history = [
      { id: 'j1', fixId: 'wslconfig-set-nat' as const, startedAt: '2026-11-20T08:05:00Z', finishedAt: '2026-11-20T08:05:02Z', undoable: true, undoneAt: null },
      {
        id: 'j2',
        fixId: 'delete-wsl-hns-network' as const,
        startedAt: '2026-11-21T09:30:00Z',
        finishedAt: '2026-11-21T09:30:09Z',
        undoable: false,
        undoneAt: null,
      },
    ]
    await renderWithStore(<FixStep />, { state: { locale: 'zh-CN', history } })
    const items = screen.getByTestId('fix-history').querySelectorAll('li')
    // Newest first, in Chinese date format.
    expect(items[0]?.textContent).toContain('只删除 WSL 的虚拟网络')
    expect(items[1]?.textContent).toMatch(/2026年11月20日.*在 \.wslconfig 中设置 networkingMode=nat/)
    expect(screen.queryByTestId('history-undo-j2')).toBeNull()
    expect(screen.getByTestId('history-undo-j1')).toBeTruthy()
  })
})
