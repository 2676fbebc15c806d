import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FACT_SCHEMAS } from '../../shared/probes/facts'
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import { ScriptContractError, compareKeys, extractReturnedKeys } from './script-contract'

// Static contract between each probe script and its zod fact schema: the script exists, cites the
// docs/knowledge section it implements (docs/…md#anchor), and its final `return [ordered]@{ ... }` has exactly the
// schema's top-level keys. Windows PowerShell 5.1 cannot run here (docs/knowledge/powershell-hosting.md#powershell-7-on-linux-as-a-test-host), so this is what catches a
// renamed field before a Windows machine does.

const SCRIPTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scripts')

function scriptPath(id: ProbeId): string {
  return path.join(SCRIPTS_DIR, `${id}.ps1`)
}

function readScript(id: ProbeId): string {
  return readFileSync(scriptPath(id), 'utf8')
}

function schemaKeys(id: ProbeId): string[] {
  return Object.keys(FACT_SCHEMAS[id].shape)
}

describe.each(PROBE_IDS.map((id) => [id]))('probe script %s', (id) => {
  it('exists as electron/probes/scripts/<id>.ps1', () => {
    expect(existsSync(scriptPath(id))).toBe(true)
  })

  it('starts with a header naming the probe and the docs section it implements', () => {
    const firstLine = readScript(id).split('\n')[0] ?? ''
    expect(firstLine).toMatch(new RegExp(`^# Probe ${id} \\(docs/[\\w/-]+\\.md`))
  })

  it('is pure ASCII', () => {
    expect(readScript(id)).toMatch(/^[\x09\x0a\x0d\x20-\x7e]*$/)
  })

  it('returns exactly the top-level keys of its fact schema', () => {
    const { keys } = extractReturnedKeys(readScript(id))
    expect(compareKeys(keys, schemaKeys(id))).toEqual({ missingInScript: [], extraInScript: [], duplicatesInScript: [] })
  })
})

describe('the key check catches drift', () => {
  it('fails when a key is renamed in the script', () => {
    const source = readScript('host-networking')
    const renamed = source.replace(/^ {2}natGatewayIpAddress = /m, '  natGatewayIp = ')
    expect(renamed).not.toBe(source)
    const diff = compareKeys(extractReturnedKeys(renamed).keys, schemaKeys('host-networking'))
    expect(diff.missingInScript).toEqual(['natGatewayIpAddress'])
    expect(diff.extraInScript).toEqual(['natGatewayIp'])
  })

  it('fails when a key is renamed in the schema', () => {
    const keys = extractReturnedKeys(readScript('proxy-settings')).keys
    const schema = schemaKeys('proxy-settings').map((k) => (k === 'winInet' ? 'wininet' : k))
    const diff = compareKeys(keys, schema)
    expect(diff.missingInScript).toEqual(['wininet'])
    expect(diff.extraInScript).toEqual(['winInet'])
  })

  it('does not count keys of nested hashtables (proxy-settings nests winInet)', () => {
    expect(extractReturnedKeys(readScript('proxy-settings')).keys).toEqual(['winInet', 'winHttpSettingsBase64'])
  })
})

describe('extractReturnedKeys', () => {
  it('reads first-level keys past nested hashtables, arrays, subexpressions, strings and comments', () => {
    const source = [
      '$x = @{ notThis = 1 }',
      'return [ordered]@{ notThisEither = 1 }',
      '# helper comment',
      'return [ordered]@{',
      "  a = @{ inner = '}' ; other = @(1, 2) }",
      '  b = $(if ($x) { "it\'\'s {" } else { $null })',
      '  # c = commented out',
      '  <# d = block comment #> e = "text with $($x.Name) and `" quote"',
      "  'f g' = 'q''uoted ;' ; h = 2",
      '  i = Get-Item -Path "x" |',
      '    Select-Object -First 1',
      '  j =',
      '    [int]5',
      '  k = @"',
      'here } string',
      'l = not a key',
      '"@',
      '}',
      '# trailing comment',
      '',
    ].join('\n')
    expect(extractReturnedKeys(source).keys).toEqual(['a', 'b', 'e', 'f g', 'h', 'i', 'j', 'k'])
  })

  it('accepts CRLF line endings', () => {
    const source = 'return [ordered]@{\r\n  a = 1\r\n  b = `\r\n    2\r\n}\r\n'
    expect(extractReturnedKeys(source).keys).toEqual(['a', 'b'])
  })

  it('rejects a script without a top-level ordered return', () => {
    expect(() => extractReturnedKeys('  return [ordered]@{ a = 1 }\n')).toThrow(ScriptContractError)
    expect(() => extractReturnedKeys('return @{ a = 1 }\n')).toThrow(ScriptContractError)
  })

  it('rejects code after the final return', () => {
    expect(() => extractReturnedKeys('return [ordered]@{ a = 1 }\n$x = 2\n')).toThrow(/last statement/)
  })

  it('rejects entries it cannot read instead of guessing', () => {
    expect(() => extractReturnedKeys('return [ordered]@{\n  $key = 1\n}\n')).toThrow(/unsupported hashtable entry/)
  })

  it('rejects unbalanced brackets', () => {
    expect(() => extractReturnedKeys('return [ordered]@{\n  a = @(1, 2\n}\n')).toThrow(ScriptContractError)
    expect(() => extractReturnedKeys('return [ordered]@{\n  a = 1\n')).toThrow(ScriptContractError)
  })
})
