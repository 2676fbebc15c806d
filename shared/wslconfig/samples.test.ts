import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseWslConfig } from './parse'

// Expectations recorded by running WSL's own parser (test support; origin in its README.md).
const SAMPLES = path.resolve(__dirname, 'test-support/wslconfig-samples/parse')
const cases = existsSync(SAMPLES)
  ? readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.wslconfig'))
      .sort()
  : []

describe('WSL reference samples', () => {
  it('has the cases in the repository', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20)
  })
  for (const file of cases) {
    const name = file.replace(/\.wslconfig$/, '')
    it(name, () => {
      const bytes = new Uint8Array(readFileSync(path.join(SAMPLES, file)))
      const expected: unknown = JSON.parse(readFileSync(path.join(SAMPLES, `${name}.expected.json`), 'utf8'))
      const actual = parseWslConfig(bytes)
      expect(actual).toEqual(expected)
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
    })
  }
})
