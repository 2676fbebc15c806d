import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseWslConfig } from './parse'

const SAMPLES = path.resolve(__dirname, '../../../shared/wsl-facts/wslconfig-samples/parse')
const present = existsSync(SAMPLES)
const cases = present ? readdirSync(SAMPLES).filter((f) => f.endsWith('.wslconfig')).sort() : []

describe('WSL reference samples', () => {
  if (!present) {
    it.skip(`sample folder not found at ${SAMPLES}`, () => {})
    return
  }
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0)
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
