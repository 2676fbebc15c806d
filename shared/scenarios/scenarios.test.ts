import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '.'
import { Scenario } from './scenario'

const dir = __dirname
const files = readdirSync(dir).filter((f) => f.endsWith('.json'))

describe('scenario files', () => {
  for (const file of files) {
    it(`${file} validates against the schema and is registered`, () => {
      const raw: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'))
      const parsed = Scenario.safeParse(raw)
      expect(parsed.success, parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')).toBe(true)
      expect(parsed.data?.id).toBe(file.replace(/\.json$/, ''))
      expect(SCENARIOS.some((s) => s.id === parsed.data?.id)).toBe(true)
    })
  }

  it('registers every file, and only files', () => {
    expect(SCENARIOS.length).toBe(files.length)
  })

  it("cite the project's own knowledge docs for every scenario", () => {
    // An anchor inside the repository (docs/…md#anchor); electron/dev/docs-citations.test.ts checks it exists.
    for (const s of SCENARIOS)
      expect(
        s.basedOn.some((b) => /(?:^|[\s(,])docs\/[\w./-]+\.md#[\w-]+/.test(b)),
        s.id,
      ).toBe(true)
  })

  it('do not repeat the top finding among the other expected findings', () => {
    for (const s of SCENARIOS) {
      if (s.expectedTopFinding !== null) expect(s.expectedFindings ?? [], s.id).not.toContain(s.expectedTopFinding)
    }
  })

  it('reject an unknown finding id', () => {
    const healthy = SCENARIOS.find((s) => s.id === 'healthy-win11-24h2')
    expect(Scenario.safeParse({ ...healthy, expectedTopFinding: 'no-such-finding' }).success).toBe(false)
  })
})
