import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIX_SCRIPT_IDS, FIX_SCRIPTS, timeLimitOf } from './fix-scripts'

const scriptsDir = join(__dirname, '..', '..', 'electron', 'fixes', 'scripts')

/** The waits a script itself does: every `-TimeoutMs N` it passes to Invoke-WndNative. */
function waitsIn(id: string): number[] {
  const text = readFileSync(join(scriptsDir, `${id}.ps1`), 'utf8')
  return [...text.matchAll(/-TimeoutMs\s+(\d+)/g)].map((match) => Number(match[1]))
}

describe('fix script time limits', () => {
  it.each(FIX_SCRIPT_IDS)("%s: the app waits longer than all the script's own waits together", (id) => {
    const waits = waitsIn(id)
    const total = waits.reduce((sum, wait) => sum + wait, 0)
    // A minute of margin for PowerShell itself and what the script does between its waits.
    expect(FIX_SCRIPTS[id].timeLimitMs).toBeGreaterThanOrEqual(total + 60_000)
  })

  it("gives a batch the sum of its steps' limits", () => {
    expect(timeLimitOf(['set-feature', 'restore-point'])).toBe(FIX_SCRIPTS['set-feature'].timeLimitMs + FIX_SCRIPTS['restore-point'].timeLimitMs)
    expect(timeLimitOf([])).toBe(0)
  })
})
