import { describe, expect, it } from 'vitest'
import { FIX_IDS } from '../diagnosis/fix-ids'
import { EXTERNAL_LINKS, externalUrlAllowed } from '../security/external-links'
import { findFix } from './catalog'
import { GUIDANCE } from './guidance'
import { repairEn } from './messages/en'
import { repairZhCN } from './messages/zh-CN'

describe('"do this yourself" fixes', () => {
  const guidanceOnly = FIX_IDS.filter((id) => findFix(id) === undefined)

  it('each have a link or exact steps: no dead end', () => {
    expect(guidanceOnly.length).toBeGreaterThan(0)
    for (const id of guidanceOnly) {
      const guidance = GUIDANCE[id]
      expect(guidance, `${id} has no guidance entry`).toBeDefined()
      expect(guidance?.link !== undefined || guidance?.steps !== undefined, id).toBe(true)
    }
  })

  it('name steps that exist in both languages, and links the main process will open', () => {
    for (const [id, guidance] of Object.entries(GUIDANCE)) {
      if (guidance.steps === 'guide') {
        expect(Object.keys(repairEn), id).toContain(`guide.${id}`)
        expect(Object.keys(repairZhCN), id).toContain(`guide.${id}`)
      }
      if (guidance.link) expect(externalUrlAllowed(EXTERNAL_LINKS[guidance.link]), id).toBe(EXTERNAL_LINKS[guidance.link])
    }
  })

  it('describe only fixes the app cannot apply itself (an applicable fix gets its confirm screen)', () => {
    for (const id of Object.keys(GUIDANCE)) expect(findFix(id), id).toBeUndefined()
  })
})
