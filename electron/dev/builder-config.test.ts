import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronBuilderValidation, loadBuilderConfig, policyViolations, schemaErrors, type BuilderConfig } from './builder-config-check'

const repoRoot = join(__dirname, '..', '..')
const config = loadBuilderConfig(repoRoot)

/** A deep copy with one change, for the planted defects. */
function planted(change: (copy: Record<string, Record<string, unknown>>) => void): BuilderConfig {
  const copy = structuredClone(config) as Record<string, Record<string, unknown>>
  change(copy)
  return copy
}

describe('electron-builder configuration (electron-builder.yml)', () => {
  it('matches electron-builder’s own schema, without type coercion', () => {
    expect(schemaErrors(config)).toEqual([])
  })

  it('passes electron-builder’s own validateConfiguration', async () => {
    expect(await electronBuilderValidation(config)).toBeNull()
  })

  it('follows the release policy: asInvoker, per-machine in Program Files, fuses, asar, no updater', () => {
    expect(policyViolations(config, repoRoot)).toEqual([])
  })

  it('is the only builder configuration (package.json has no "build" key to shadow or confuse it)', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(pkg['build']).toBeUndefined()
    // electron-builder ships `dependencies`; everything the main bundle requires must be there.
    expect(Object.keys(pkg['dependencies'] as object).sort()).toEqual(['node-powershell', 'zod'])
  })

  describe('planted defects fail', () => {
    it('an unknown top-level key fails the schema and electron-builder’s validation', async () => {
      const bad = planted((c) => {
        ;(c as Record<string, unknown>)['requestedExecutionLevel'] = 'asInvoker' // belongs under win
      })
      expect(schemaErrors(bad)).toContain('/: unknown key "requestedExecutionLevel"')
      expect(await electronBuilderValidation(bad)).toMatch(/unknown property 'requestedExecutionLevel'/)
    })

    it('a misspelt nested key fails the schema and electron-builder’s validation', async () => {
      const bad = planted((c) => {
        c['nsis']!['perMachin'] = true
      })
      expect(schemaErrors(bad)).toContain('/nsis: unknown key "perMachin"')
      // electron-builder rejects it too, though its message names only the parent ("configuration.nsis").
      expect(await electronBuilderValidation(bad)).toMatch(/configuration\.nsis/)
    })

    it('a string where a boolean belongs fails (electron-builder would coerce "false")', () => {
      const bad = planted((c) => {
        c['nsis']!['oneClick'] = 'false'
      })
      expect(schemaErrors(bad).join('\n')).toMatch(/\/nsis\/oneClick: must be boolean/)
    })

    it('requireAdministrator is valid for electron-builder but fails the policy', async () => {
      const bad = planted((c) => {
        c['win']!['requestedExecutionLevel'] = 'requireAdministrator'
      })
      expect(schemaErrors(bad)).toEqual([])
      expect(await electronBuilderValidation(bad)).toBeNull()
      expect(policyViolations(bad, repoRoot).join('\n')).toMatch(/requestedExecutionLevel: must be asInvoker/)
    })

    it('a per-user or relocatable install fails the policy', () => {
      expect(
        policyViolations(
          planted((c) => void (c['nsis']!['perMachine'] = false)),
          repoRoot,
        ).join('\n'),
      ).toMatch(/perMachine: true/)
      expect(
        policyViolations(
          planted((c) => void (c['nsis']!['oneClick'] = true)),
          repoRoot,
        ).join('\n'),
      ).toMatch(/oneClick: false/)
      expect(
        policyViolations(
          planted((c) => void (c['nsis']!['allowToChangeInstallationDirectory'] = true)),
          repoRoot,
        ).join('\n'),
      ).toMatch(/allowToChangeInstallationDirectory/)
      const portable = planted(
        (c) =>
          void (c['win']!['target'] = [
            { target: 'nsis', arch: ['x64'] },
            { target: 'portable', arch: ['x64'] },
          ]),
      )
      expect(policyViolations(portable, repoRoot).join('\n')).toMatch(/exactly one target, nsis/)
    })

    it('a weakened fuse, an unpacked script or an unsigned update feed fails the policy', () => {
      const messages = (bad: BuilderConfig) => policyViolations(bad, repoRoot).join('\n')
      expect(messages(planted((c) => void (c['electronFuses']!['runAsNode'] = true)))).toMatch(/runAsNode: must be false/)
      expect(messages(planted((c) => void delete c['electronFuses']!['enableNodeCliInspectArguments']))).toMatch(/enableNodeCliInspectArguments/)
      expect(messages(planted((c) => void ((c as Record<string, unknown>)['asarUnpack'] = ['**/*.ps1'])))).toMatch(/asarUnpack: not allowed/)
      expect(messages(planted((c) => void (c as unknown as Record<string, unknown[]>)['files']!.push('out/web/**')))).toMatch(/out\/web/)
      expect(messages(planted((c) => void ((c as Record<string, unknown>)['publish'] = { provider: 'github' })))).toMatch(/signed builds/)
    })
  })
})
