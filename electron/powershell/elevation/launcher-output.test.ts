import { describe, expect, it } from 'vitest'
import { parseLauncherOutput } from './launcher-output'

describe('parseLauncherOutput', () => {
  it('reads the three statuses', () => {
    expect(parseLauncherOutput('{"status":"done","exitCode":0}\r\n')).toEqual({ kind: 'done', exitCode: 0 })
    expect(parseLauncherOutput('{"status":"done","exitCode":null}')).toEqual({ kind: 'done', exitCode: null })
    expect(parseLauncherOutput('{"status":"cancelled"}')).toEqual({ kind: 'cancelled' })
    expect(parseLauncherOutput('{"status":"failed","code":1260,"message":"blocked by group policy"}')).toEqual({
      kind: 'failed',
      code: 1260,
      message: 'blocked by group policy',
    })
  })

  it('maps a failed line with NativeErrorCode 1223 to cancelled', () => {
    expect(parseLauncherOutput('{"status":"failed","code":1223,"message":"Der Vorgang wurde vom Benutzer abgebrochen"}')).toEqual({
      kind: 'cancelled',
    })
  })

  it('skips banners, CLIXML, a BOM and malformed lines', () => {
    const stdout = [
      '\uFEFFWindows PowerShell',
      '#< CLIXML',
      '<Objs Version="1.1.0.1"></Objs>',
      '{"status":"done"',
      '{"status":"done","exitCode":"0"}',
      '{"status":"maybe"}',
      '  {"status":"done","exitCode":3}  ',
      '',
    ].join('\r\n')
    expect(parseLauncherOutput(stdout)).toEqual({ kind: 'done', exitCode: 3 })
  })

  it('returns null when there is no valid status line', () => {
    expect(parseLauncherOutput('')).toBeNull()
    expect(parseLauncherOutput('Access is denied.\r\n[]\r\n{"exitCode":0}')).toBeNull()
  })
})
