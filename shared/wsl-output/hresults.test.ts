import { describe, expect, it } from 'vitest'
import { formatHresult, knownHresults, lookupHresult } from './hresults'

describe('lookupHresult', () => {
  it('finds the seed error by hex in any case', () => {
    expect(lookupHresult('0x80041002')).toMatchObject({ name: 'WBEM_E_NOT_FOUND', meaning: 'wbem-not-found' })
    expect(lookupHresult('0x803B0015')?.name).toBe('HCN_E_REQUEST_UNSUPPORTED')
  })
  it('finds symbolic names WSL prints instead of hex (docs/knowledge/error-codes.md#anatomy-of-a-wsl-error)', () => {
    expect(lookupHresult('E_ACCESSDENIED')?.code).toBe('0x80070005')
    expect(lookupHresult('ERROR_FILE_NOT_FOUND')?.code).toBe('0x80070002')
    expect(lookupHresult('HCS_E_HYPERV_NOT_INSTALLED')?.code).toBe('0x80370102')
  })
  it('accepts signed and unsigned numbers', () => {
    expect(lookupHresult(0x80070422)?.meaning).toBe('service-disabled')
    expect(lookupHresult(-2147023838)?.meaning).toBe('service-disabled')
    expect(lookupHresult(-1)?.meaning).toBe('unspecified-failure')
  })
  it('returns null for unknown codes', () => {
    expect(lookupHresult('0x8007054f')).toBeNull()
    expect(lookupHresult('ERROR_UNHANDLED_EXCEPTION')).toBeNull()
    expect(lookupHresult('not a code')).toBeNull()
  })
  it('covers every code of docs/knowledge/error-codes.md#hresult-table and docs/knowledge/error-codes.md#triage-bot-rules once, in canonical form', () => {
    const c4 = [
      '0x80041002',
      '0x803b0001',
      '0x803b0015',
      '0x803b0017',
      '0x803b002a',
      '0x803b002f',
      '0x803b0037',
      '0x80070422',
      '0x80070424',
      '0x80070032',
      '0x800706d9',
      '0x800706ba',
      '0x800706bf',
      '0x800704db',
      '0x80370102',
      '0x8007273d',
      '0xffffffff',
      '0x8004032d',
    ]
    for (const code of c4) expect(lookupHresult(code)?.code).toBe(code)
    const codes = knownHresults.map((entry) => entry.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const entry of knownHresults) expect(entry.code).toMatch(/^0x[0-9a-f]{8}$/)
  })
})

describe('formatHresult', () => {
  it('pads and lower-cases', () => {
    expect(formatHresult(0x803b002a)).toBe('0x803b002a')
    expect(formatHresult(5)).toBe('0x00000005')
    expect(formatHresult(-1)).toBe('0xffffffff')
  })
})
