import { fireEvent, screen } from '@testing-library/react'
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import type { DoctorApi } from '../../../../shared/ipc/bridge'
import { ok } from '../../../../shared/ipc/result'
import { createFakeBridge } from '../../state/test-support/fake-bridge'
import { useWizard } from '../../state/store-context'
import { renderWithStore } from '../../test-support/test-render'
import { UndoStatusText } from './UndoStatusText'

// ASCII only here, so btoa gives the UTF-8 bytes' base64.
const b64 = (text: string) => btoa(text)
const ENTRY = 'entry-0001-abcd'
const versions = {
  path: 'C:\\Users\\alex\\.wslconfig',
  beforeBase64: b64('[wsl2]\r\nnetworkingMode=mirrored\r\n'),
  oursBase64: b64('[wsl2]\r\nnetworkingMode=nat\r\n'),
  currentBase64: b64('[wsl2]\r\nnetworkingMode=nat\r\nmemory=8GB\r\n'),
}

/** Test support: a bridge whose undo records what it was asked and answers `undone`. */
function recordingBridge(): { bridge: DoctorApi; undoInputs: unknown[] } {
  const undoInputs: unknown[] = []
  const bridge: DoctorApi = { ...createFakeBridge({}), undoFix: async (input) => (undoInputs.push(input), ok({ status: 'undone', verification: null })) }
  return { bridge, undoInputs }
}

async function renderChooser(locale: 'en' | 'zh-CN' = 'en') {
  const { bridge, undoInputs } = recordingBridge()
  const view = await renderWithStore(<Status />, { bridge, state: { locale, undoStatus: { entryId: ENTRY, status: 'file-changed', versions } } })
  return { ...view, undoInputs }
}

/** Renders whatever undo status the store holds, as the Fix step does. */
function Status() {
  const status = useWizard((s) => s.undoStatus)
  return status === null ? null : <UndoStatusText status={status} />
}

describe('the three-version choice after an undo found the file changed', () => {
  it('shows the three versions as text, and what changed since the fix', async () => {
    await renderChooser()
    expect(screen.getByTestId('version-before').textContent).toContain('networkingMode=mirrored')
    expect(screen.getByTestId('version-ours').textContent).toContain('networkingMode=nat')
    expect(screen.getByTestId('version-current').textContent).toContain('memory=8GB')
    expect(screen.getByTestId('file-diff').textContent).toContain('+ memory=8GB')
  })

  it('restore sends the current bytes the user saw, so a file edited again is not overwritten', async () => {
    const { undoInputs } = await renderChooser()
    await act(async () => fireEvent.click(screen.getByTestId('versions-restore')))
    expect(undoInputs).toEqual([{ entryId: ENTRY, overwrite: { currentBase64: versions.currentBase64 } }])
    expect(screen.getByTestId('undo-status').getAttribute('data-status')).toBe('undone')
  })

  it('keep writes nothing and says so', async () => {
    const { undoInputs } = await renderChooser()
    fireEvent.click(screen.getByTestId('versions-keep'))
    expect(undoInputs).toEqual([])
    expect(screen.getByTestId('undo-status').getAttribute('data-status')).toBe('kept-current')
    expect(screen.queryByTestId('file-versions')).toBeNull()
  })

  it('manual names the file and writes nothing', async () => {
    const { undoInputs } = await renderChooser()
    fireEvent.click(screen.getByTestId('versions-manual'))
    expect(screen.getByTestId('versions-manual-text').textContent).toContain('C:\\Users\\alex\\.wslconfig')
    expect(undoInputs).toEqual([])
  })

  it('a version that is no file says so; Simplified Chinese uses 你', async () => {
    const { bridge } = recordingBridge()
    await renderWithStore(<Status />, {
      bridge,
      state: { locale: 'zh-CN', undoStatus: { entryId: ENTRY, status: 'file-changed', versions: { ...versions, beforeBase64: null } } },
    })
    expect(screen.getByTestId('version-before').textContent).toContain('（没有文件）')
    const text = screen.getByTestId('file-versions').textContent ?? ''
    expect(text).toContain('选择要保留的版本')
    expect(text).not.toContain('您')
  })
})
