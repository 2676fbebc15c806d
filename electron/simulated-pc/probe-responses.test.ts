import { describe, expect, it } from 'vitest'
import { FACT_SCHEMAS } from '../../shared/probes/facts'
import { PROBE_IDS } from '../../shared/probes/probe-ids'
import { SCENARIOS } from '../../shared/scenarios'
import { probeResponse } from './probe-responses'

describe('simulated probe responses', () => {
  for (const scenario of SCENARIOS) {
    it(`match every probe's schema on ${scenario.id}`, () => {
      for (const probeId of PROBE_IDS) {
        const parsed = FACT_SCHEMAS[probeId].safeParse(probeResponse(probeId, scenario))
        expect(parsed.success, `${probeId}: ${parsed.error?.issues[0]?.message ?? ''}`).toBe(true)
      }
    })
  }

  it('have unique scenario ids', () => {
    const ids = SCENARIOS.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
