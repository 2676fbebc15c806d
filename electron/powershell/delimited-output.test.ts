import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { betweenDelimiters, readBetweenDelimiters } from './delimited-output'

const D = 'AbCdEfGhIjKlMnOp'
// What pwsh 7 prints for `Write-Error -Message D` on a redirected stderr (recorded on our machine).
const pwshRecord = `\x1b[31;1mWrite-Error: \x1b[31;1m${D}\x1b[0m\n`
// What Windows PowerShell 5.1 prints for the same record: the message, then where and what (the
// source line echoed there spells the delimiter in two halves, see LanguageModeSafePowerShell).
const windowsRecord = `Write-Error : ${D}\r\nAt line:1 char:1\r\n+ Write-Error -Message ('${D.slice(0, 8)}' + '${D.slice(8)}')\r\n    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException\r\n\r\n`

describe('betweenDelimiters', () => {
  it('finds the closing delimiter anywhere after the opening one, text after it or not', () => {
    expect(betweenDelimiters(Buffer.from(`${D}\nout\n${D}\n`), D)?.toString()).toBe('out')
    expect(betweenDelimiters(Buffer.from(`${pwshRecord}${pwshRecord}`), D)?.toString()).toBe('\x1b[0m\n\x1b[31;1mWrite-Error: \x1b[31;1m'.trim())
    expect(betweenDelimiters(Buffer.from(`${windowsRecord}oops\r\n${windowsRecord}`), D)?.toString()).toContain('oops')
  })

  it('waits while only one delimiter (or part of the second) has arrived', () => {
    expect(betweenDelimiters(Buffer.from(`${D}\nout\n`), D)).toBeUndefined()
    expect(betweenDelimiters(Buffer.from(`${D}\nout\n${D.slice(0, 5)}`), D)).toBeUndefined()
    expect(betweenDelimiters(Buffer.from('no delimiter'), D)).toBeUndefined()
  })
})

describe('readBetweenDelimiters', () => {
  it('resolves when both error records arrive in one chunk (child-shell 5.0.0 hangs here)', async () => {
    const stream = new PassThrough()
    const read = readBetweenDelimiters(stream, D)
    stream.write(`${pwshRecord}${pwshRecord}`)
    await expect(read).resolves.toBeInstanceOf(Buffer)
  })

  it('assembles a delimiter split across chunks and multi-byte text', async () => {
    const stream = new PassThrough()
    const read = readBetweenDelimiters(stream, D)
    for (const part of [D.slice(0, 7), `${D.slice(7)}\n张三\n`, D.slice(0, 3), `${D.slice(3)}\r\n`]) stream.write(part)
    expect((await read).toString('utf8')).toBe('张三')
  })

  it('stops reading the stream once done, so the next command gets the rest', async () => {
    const stream = new PassThrough()
    const first = readBetweenDelimiters(stream, D)
    stream.write(`${D}\na\n${D}\n`)
    expect((await first).toString()).toBe('a')
    const E = 'ZyXwVuTsRqPoNmLk'
    const second = readBetweenDelimiters(stream, E)
    stream.write(`${E}\nb\n${E}\n`)
    expect((await second).toString()).toBe('b')
  })
})
