import { describe, expect, it } from 'vitest'
import type { MachineSnapshot } from '../../../shared/machine/snapshot'
import { summarizeMachine } from './machine-summary'

const base: MachineSnapshot = { schemaVersion: 1, appVersion: '0.1.0', takenAt: '2026-11-21T00:00:00Z', source: { kind: 'windows' }, facts: {} }

describe('summarizeMachine', () => {
  it('shows an unknown fact as unknown with its reason, never as passed', () => {
    const items = summarizeMachine({ ...base, facts: { services: { status: 'unknown', durationMs: 20000, reason: 'timeout' } } })
    expect(items.find((i) => i.id === 'services')?.value).toEqual({ kind: 'unknown', reason: 'timeout' })
    expect(items.find((i) => i.id === 'windows')?.value).toEqual({ kind: 'not-run' })
  })

  it('formats the Windows version as winver does and tells Windows 11 by build', () => {
    const items = summarizeMachine({
      ...base,
      facts: {
        'windows-version': {
          status: 'known',
          durationMs: 100,
          data: {
            currentBuild: '22000',
            ubr: 2836,
            displayVersion: '21H2',
            editionId: 'Professional',
            installationType: 'Client',
            productName: 'Windows 10 Pro',
            uiCulture: 'zh-CN',
          },
        },
      },
    })
    expect(items[0]?.value).toMatchObject({ kind: 'text', vars: { generation: '11', version: '10.0.22000.2836', release: '21H2' } })
  })
})
