import type { ConfigView } from '../../../../shared/diagnosis/machine-view'
import { decodeWslConfig } from '../../../../shared/wslconfig/decode'
import type { WslConfigHint } from '../../../../shared/wslconfig/hints'
import { parseWslConfigText } from '../../../../shared/wslconfig/parse'
import type { WslConfigMessage } from '../../../../shared/wslconfig/types'
import { wslLineToRow } from './line-map'
import { visibleText } from './visible-text'

/** One shown line: its number (as WSL counts it where they agree), text, and what is said about it. */
export interface ListingRow {
  readonly number: number
  readonly text: string
  /** WSL's warnings about this line; `fatal` marks the error that stops the parser. */
  readonly warnings: readonly { readonly warning: WslConfigMessage; readonly fatal: boolean }[]
  readonly hints: readonly WslConfigHint[]
}

/** The file as rows with WSL's messages and our hints placed at the lines they are about. */
export interface ConfigListing {
  readonly rows: readonly ListingRow[]
  /** Hints about the whole file (encoding), shown above the listing rather than at line 1. */
  readonly fileHints: readonly WslConfigHint[]
  /** Some characters were shown as control pictures (␀, ␍…). */
  readonly controlChars: boolean
}

type MutableRow = ListingRow & { warnings: ListingRow['warnings'][number][]; hints: WslConfigHint[] }

/** Hints about the file as a whole. */
const FILE_HINTS: ReadonlySet<WslConfigHint['id']> = new Set(['utf16-without-bom'])
/** Hints whose `line` already counts LF-separated rows (hints.ts computes it from the text). */
const ROW_HINTS: ReadonlySet<WslConfigHint['id']> = new Set(['not-utf8'])

/**
 * Splits `rawText` into rows at LF (a CR LF pair is one line end, as in the CRT's text mode, so
 * rows match the parser's text one to one), drops the empty row after a final line end, and
 * places every warning, the parse error and every hint on its row.
 */
export function buildConfigListing(config: ConfigView): ConfigListing {
  if (config.bytes === null) return { rows: [], fileHints: [], controlChars: false }
  const text = decodeWslConfig(config.bytes).text
  const toRow = wslLineToRow(text, parseWslConfigText(text).entries)
  const split = config.rawText.split('\n')
  // Only the CR of a CR LF pair is part of the line end; a lone CR stays visible.
  const raw = split.map((row, index) => (index < split.length - 1 ? row.replace(/\r$/, '') : row))
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop()
  let controlChars = false
  const rows = raw.map((row, index): MutableRow => {
    const shown = visibleText(row)
    controlChars ||= shown.replaced
    return { number: index + 1, text: shown.text, warnings: [], hints: [] }
  })
  const at = (row: number) => rows[Math.min(Math.max(row, 1), rows.length) - 1]
  for (const warning of config.parse.warnings) at(toRow(warning.line))?.warnings.push({ warning, fatal: false })
  if (config.parse.error) at(toRow(config.parse.error.line))?.warnings.push({ warning: config.parse.error, fatal: true })
  const fileHints: WslConfigHint[] = []
  for (const hint of config.hints) {
    if (FILE_HINTS.has(hint.id)) fileHints.push(hint)
    else at(ROW_HINTS.has(hint.id) ? hint.line : toRow(hint.line))?.hints.push(hint)
  }
  return { rows, fileHints, controlChars }
}
