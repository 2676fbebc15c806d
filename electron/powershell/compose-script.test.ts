import { describe, expect, it } from 'vitest'
import { composeScript } from './compose-script'
import { readEnvelope } from './envelope'

describe('composeScript', () => {
  it('embeds data only as base64 JSON, so hostile text never becomes script text', () => {
    const hostile = { distro: `Ubuntu"; Remove-Item -Recurse C:\\ ; $(calc) '@ \`n 发行版` }
    const script = composeScript({ id: 'x', body: 'return $WndInput', prelude: '', input: hostile })
    expect(script.text).not.toContain('Remove-Item')
    expect(script.text).not.toContain('calc')
    const encoded = /FromBase64String\('([A-Za-z0-9+/=]*)'\)/.exec(script.text)?.[1]
    expect(encoded).toBeDefined()
    expect(JSON.parse(Buffer.from(encoded ?? '', 'base64').toString('utf8'))).toEqual(hostile)
  })

  it('keeps the composed text ASCII when the body is ASCII', () => {
    const script = composeScript({ id: 'x', body: 'return 1', prelude: '# helpers', input: { name: '张三' } })
    expect(script.text).toMatch(/^[\x09\x0a\x0d\x20-\x7e]*$/)
  })

  it('gives each run its own sentinel', () => {
    const a = composeScript({ id: 'x', body: '', prelude: '' })
    const b = composeScript({ id: 'x', body: '', prelude: '' })
    expect(a.sentinel).not.toBe(b.sentinel)
    expect(a.text).toContain(`[Console]::Out.WriteLine('${a.sentinel}' + $WndJson)`)
  })
})

describe('readEnvelope', () => {
  const s = 'WND-RESULT-0123456789abcdef:'

  it('reads the data after the sentinel and ignores stray output around it', () => {
    const stdout = `WARNING: something\r\n#< CLIXML\r\n${s}{"ok":true,"data":{"a":[1]}}\r\n`
    expect(readEnvelope(stdout, s)).toEqual({ kind: 'data', data: { a: [1] } })
  })

  it('maps a script error with E_ACCESSDENIED to access-denied', () => {
    const stdout = `${s}{"ok":false,"error":{"type":"System.Management.Automation.RuntimeException","message":"Access is denied","hresult":-2147024891,"category":"NotSpecified"}}`
    expect(readEnvelope(stdout, s)).toEqual({
      kind: 'script-error',
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
})
