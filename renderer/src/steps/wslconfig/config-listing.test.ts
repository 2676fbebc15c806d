import { describe, expect, it } from 'vitest'
import { buildMachineView, type ConfigView } from '../../../../shared/diagnosis/machine-view'
import { snapshot } from '../../../../shared/diagnosis/test-support/test-snapshot'
import { encodeBase64 } from '../../../../shared/util/base64'
import { encodeUtf8 } from '../../../../shared/wslconfig/utf8'
import { buildConfigListing } from './config-listing'
import { lineEndings } from './line-endings'

function config(content: string | Uint8Array): ConfigView {
  const bytes = typeof content === 'string' ? encodeUtf8(content) : content
  const view = buildMachineView(snapshot({ 'wslconfig-file': { exists: true, sizeBytes: bytes.length, contentBase64: encodeBase64(bytes) } }))
  if (!view.config.known || view.config.value === null) throw new Error('no config')
  return view.config.value
}

/** Row number → ids of the messages and hints shown under it. */
function notes(content: string | Uint8Array) {
  return buildConfigListing(config(content))
    .rows.filter((r) => r.warnings.length + r.hints.length > 0)
    .map((r) => [r.number, ...r.warnings.map((w) => `${w.fatal ? 'error:' : ''}${w.warning.message}@${w.warning.line}`), ...r.hints.map((h) => h.id)])
}

describe('buildConfigListing', () => {
  it('puts an unknown key warning and its did-you-mean hint on the key line', () => {
    const listing = buildConfigListing(config('[wsl2]\nnetworkMode=mirrored\n'))
    expect(listing.rows.map((r) => r.text)).toEqual(['[wsl2]', 'networkMode=mirrored'])
    expect(notes('[wsl2]\nnetworkMode=mirrored\n')).toEqual([[2, 'MessageConfigUnknownKey@2', 'unknown-key-did-you-mean']])
  })

  it('shows CRLF files without the CR and without an empty row after the last line end', () => {
    const listing = buildConfigListing(config('[wsl2]\r\n\r\nnetworkMode=mirrored\r\n'))
    expect(listing.rows.map((r) => r.text)).toEqual(['[wsl2]', '', 'networkMode=mirrored'])
    expect(listing.controlChars).toBe(false)
    expect(notes('[wsl2]\r\n\r\nnetworkMode=mirrored\r\n')).toEqual([[3, 'MessageConfigUnknownKey@3', 'unknown-key-did-you-mean']])
  })

  it('reports a continued key on the line where its value ends, as WSL does', () => {
    expect(notes('[wsl2]\nmemory=4\\\nXB\nswap=0\n')).toEqual([[3, 'MessageInvalidNumberString@3']])
  })

  it('keeps comments, blank lines and skipped lines in step with WSL', () => {
    expect(notes('# c\n\n[wsl2]  # x\n; old\n   \nkernel=C:\\Users\\k\nnetworkMode=nat # y\n')).toEqual([
      [4, 'MessageConfigInvalidKey@4', 'semicolon-comment'],
      [6, 'MessageConfigInvalidEscape@6', 'backslash-invalid-escape'],
      [7, 'MessageConfigUnknownKey@7', 'unknown-key-did-you-mean'],
    ])
  })

  it('maps WSL line numbers to rows where a lone CR ends a line (WSL counts it, LF rows do not)', () => {
    // WSL: [wsl2] is line 1, foo line 2 (after the lone CR), bar line 3; we show two rows.
    const listing = buildConfigListing(config('[wsl2]\rfoo=1\nbar=2\n'))
    expect(listing.rows.map((r) => r.text)).toEqual(['[wsl2]␍foo=1', 'bar=2'])
    expect(listing.controlChars).toBe(true)
    expect(notes('[wsl2]\rfoo=1\nbar=2\n')).toEqual([
      [1, 'MessageConfigUnknownKey@2'],
      [2, 'MessageConfigUnknownKey@3'],
    ])
    // CR CR LF: the CR LF becomes LF, the first CR ends the header and is counted too.
    expect(notes('[wsl2]\r\r\nfoo=1\r\n')).toEqual([[2, 'MessageConfigUnknownKey@3']])
  })

  it('marks the error that stops the parser', () => {
    expect(notes('[wsl2]\nswap=0\nmacAddress=00:15:5D\nmemory=1GB\n')).toEqual([[3, 'error:MessageConfigMacAddress@3']])
  })

  it('keeps the UTF-16-without-BOM hint for the whole file and shows the NULs WSL reads', () => {
    const text = '[wsl2]\r\nnetworkingMode=mirrored\r\n'
    const bytes = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i)
    const listing = buildConfigListing(config(bytes))
    expect(listing.fileHints.map((h) => h.id)).toEqual(['utf16-without-bom'])
    expect(listing.controlChars).toBe(true)
    expect(listing.rows[0]?.text).toBe('[␀w␀s␀l␀2␀]␀␍␀')
    expect(listing.rows.flatMap((r) => r.hints)).toEqual([])
  })

  it('has no rows for a missing file', () => {
    const view = buildMachineView(snapshot())
    expect(view.config.known && view.config.value && buildConfigListing(view.config.value).rows).toEqual([])
  })
})

describe('lineEndings', () => {
  it.each([
    ['a\r\nb\r\n', 'crlf'],
    ['a\nb\n', 'lf'],
    ['a\rb', 'cr'],
    ['a\r\nb\n', 'mixed'],
    ['a', 'none'],
  ])('%j is %s', (text, style) => {
    expect(lineEndings(text).style).toBe(style)
  })
})
