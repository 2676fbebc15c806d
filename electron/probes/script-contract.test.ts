import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { FACT_SCHEMAS } from '../../shared/probes/facts'
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import { compareKeys, readScriptShapes, type ScriptShape } from '../powershell/test-support/script-shape'

// Static contract between each probe script and its zod fact schema: the script exists, cites the
// docs/knowledge section it implements (docs/…md#anchor), and its final `return [ordered]@{ ... }` has exactly the
// schema's top-level keys — read by PowerShell's own parser (test-support/script-shape.ps1). The
// pwsh suites run the scripts too; this names a renamed field directly, for every probe at once.

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

/** Hand-written scripts for the reader's own tests (read in the same pwsh run as the probes: starting pwsh is slow). */
const SAMPLES = {
  nested: [
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
  ].join('\n'),
  crlf: 'return [ordered]@{\r\n  a = 1\r\n  b = `\r\n    2\r\n}\r\n',
  'return-in-block': 'if ($true) { return [ordered]@{ a = 1 } }\n',
  unordered: 'return @{ a = 1 }\n',
  'code-after': 'return [ordered]@{ a = 1 }\n$x = 2\n',
  'variable-key': 'return [ordered]@{\n  $key = 1\n}\n',
  'expanding-key': 'return [ordered]@{\n  "a$b" = 1\n}\n',
  'unclosed-array': 'return [ordered]@{\n  a = @(1, 2\n}\n',
  'unclosed-hashtable': 'return [ordered]@{\n  a = 1\n',
  'renamed-host-networking': readScript('host-networking').replace(/^ {2}natGatewayIpAddress = /m, '  natGatewayIp = '),
} as const

const sampleShapes = readScriptShapes(Object.entries(SAMPLES).map(([name, text]) => ({ name, text })))
const shapes = readScriptShapes(PROBE_IDS.filter((id) => existsSync(scriptPath(id))).map((id) => ({ name: id, text: readScript(id) })))

function finalKeys(shape: ScriptShape | undefined): string[] {
  if (shape === undefined) throw new Error('script not read')
  if (shape.error !== null) throw new Error(shape.error)
  return shape.finalKeys
}

const keysOf = (sample: keyof typeof SAMPLES): string[] => finalKeys(sampleShapes.get(sample))

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
    expect(compareKeys(finalKeys(shapes.get(id)), schemaKeys(id))).toEqual({ missingInScript: [], extraInScript: [], duplicatesInScript: [] })
  })
})

describe('the key check catches drift', () => {
  it('fails when a key is renamed in the script', () => {
    const source = readScript('host-networking')
    expect(SAMPLES['renamed-host-networking']).not.toBe(source)
    const diff = compareKeys(keysOf('renamed-host-networking'), schemaKeys('host-networking'))
    expect(diff.missingInScript).toEqual(['natGatewayIpAddress'])
    expect(diff.extraInScript).toEqual(['natGatewayIp'])
  })

  it('fails when a key is renamed in the schema', () => {
    const keys = finalKeys(shapes.get('proxy-settings'))
    const schema = schemaKeys('proxy-settings').map((k) => (k === 'winInet' ? 'wininet' : k))
    const diff = compareKeys(keys, schema)
    expect(diff.missingInScript).toEqual(['wininet'])
    expect(diff.extraInScript).toEqual(['winInet'])
  })

  it('does not count keys of nested hashtables (proxy-settings nests winInet)', () => {
    expect(finalKeys(shapes.get('proxy-settings'))).toEqual(['winInet', 'winHttpSettingsBase64'])
  })
})

describe('the script shape reader (PowerShell parser)', () => {
  it('reads first-level keys past nested hashtables, arrays, subexpressions, strings and comments', () => {
    expect(keysOf('nested')).toEqual(['a', 'b', 'e', 'f g', 'h', 'i', 'j', 'k'])
  })

  it('accepts CRLF line endings', () => {
    expect(keysOf('crlf')).toEqual(['a', 'b'])
  })

  it('rejects a script without a top-level ordered return', () => {
    expect(() => keysOf('return-in-block')).toThrow(/no top-level/)
    expect(() => keysOf('unordered')).toThrow(/no top-level/)
  })

  it('rejects code after the final return', () => {
    expect(() => keysOf('code-after')).toThrow(/last statement/)
  })

  it('rejects entries it cannot read instead of guessing', () => {
    expect(() => keysOf('variable-key')).toThrow(/unsupported hashtable entry/)
    expect(() => keysOf('expanding-key')).toThrow(/unsupported hashtable entry/)
  })

  it('rejects unbalanced brackets', () => {
    expect(() => keysOf('unclosed-array')).toThrow(/parse error/)
    expect(() => keysOf('unclosed-hashtable')).toThrow(/parse error/)
  })
})
