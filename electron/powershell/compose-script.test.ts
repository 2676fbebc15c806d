import { describe, expect, it } from 'vitest'
import { composeScript } from './compose-script'
import { readEnvelope } from './envelope'

describe('composeScript', () => {
  it('embeds data only as ASCII-escaped JSON, so hostile text never becomes script text', () => {
    const hostile = { distro: `Ubuntu"; Remove-Item -Recurse C:\\ ; $(calc) '@ \`n \u2018 发行版` }
    const script = composeScript({ id: 'x', body: 'return $WndInput', prelude: '', input: hostile })
    const literal = /ConvertFrom-Json '([^']*)'/.exec(script.text)?.[1]
    expect(literal).toBeDefined()
    // No quote character PowerShell knows (ASCII ' or U+2018..U+201B) survives inside the literal.
    expect(literal).not.toMatch(/['\u2018-\u201b]/)
    expect(literal).toMatch(/^[\x20-\x7e]*$/)
    expect(JSON.parse(literal ?? '')).toEqual(hostile)
  })

  it('uses no .NET call that Constrained Language Mode forbids in the envelope', () => {
    const script = composeScript({ id: 'x', body: 'return 1', prelude: '' })
    expect(script.text).not.toMatch(/\[(Convert|Text\.Encoding|ScriptBlock|Console)\]|GetType\(/i)
  })

  it('keeps the composed text ASCII when the body is ASCII', () => {
    const script = composeScript({ id: 'x', body: 'return 1', prelude: '# helpers', input: { name: '张三' } })
    expect(script.text).toMatch(/^[\x09\x0a\x0d\x20-\x7e]*$/)
  })

  it('gives each run its own sentinel', () => {
    const a = composeScript({ id: 'x', body: '', prelude: '' })
    const b = composeScript({ id: 'x', body: '', prelude: '' })
    expect(a.sentinel).not.toBe(b.sentinel)
    expect(a.text).toContain(`Write-Output ('${a.sentinel}' + $WndJson)`)
  })
})

describe('readEnvelope', () => {
  const s = 'WND-RESULT-0123456789abcdef:'

  it('reads the data after the sentinel and ignores stray output around it', () => {
    const stdout = `WARNING: something\r\n#< CLIXML\r\n${s}{"ok":true,"data":{"a":[1]}}\r\n`
    expect(readEnvelope(stdout, s)).toEqual({ kind: 'data', data: { a: [1] }, languageMode: null })
  })

  it('maps a script error with E_ACCESSDENIED to access-denied', () => {
    const stdout = `${s}{"ok":false,"error":{"type":"System.Management.Automation.RuntimeException","message":"Access is denied","hresult":-2147024891,"category":"NotSpecified"}}`
    expect(readEnvelope(stdout, s)).toEqual({
      kind: 'script-error',
      failure: 'access-denied',
      accessDenied: true,
      detail: 'System.Management.Automation.RuntimeException: Access is denied (0x80070005)',
    })
  })

  it('treats missing, truncated or forged results as garbage, never as data', () => {
    expect(readEnvelope('', s).kind).toBe('garbage')
    expect(readEnvelope(`${s}{"ok":true,"da`, s).kind).toBe('garbage')
    expect(readEnvelope(`${s}{"ok":"yes"}`, s).kind).toBe('garbage')
    expect(readEnvelope('WND-RESULT-ffffffffffffffff:{"ok":true,"data":1}', s).kind).toBe('garbage')
  })

  it('finds the result line behind terminal control sequences (PowerShell 7 on Linux)', () => {
    expect(readEnvelope(`\u001b[?1h\u001b[?1l${s}{"ok":true,"data":2,"languageMode":"FullLanguage"}\n`, s)).toEqual({
      kind: 'data',
      data: 2,
      languageMode: 'FullLanguage',
    })
  })

  it('tells a Constrained Language Mode refusal from other failures by its untranslated error id', () => {
    const clm = `${s}{"ok":false,"error":{"type":"System.Management.Automation.RuntimeException","message":"Methodenaufruf nicht unterstuetzt","errorId":"MethodInvocationNotSupportedInConstrainedLanguage"},"languageMode":"ConstrainedLanguage"}`
    expect(readEnvelope(clm, s)).toMatchObject({ kind: 'script-error', failure: 'constrained-language' })
    const guard = `${s}{"ok":false,"error":{"message":"WndNeedsFullLanguage: writing .wslconfig needs ...","errorId":"WndNeedsFullLanguage: writing"},"languageMode":"ConstrainedLanguage"}`
    expect(readEnvelope(guard, s)).toMatchObject({ kind: 'script-error', failure: 'constrained-language' })
    const sameIdInFullLanguage = clm.replace('"languageMode":"ConstrainedLanguage"', '"languageMode":"FullLanguage"')
    expect(readEnvelope(sameIdInFullLanguage, s)).toMatchObject({ kind: 'script-error', failure: 'failed' })
  })
})
