import { blankLongLines, normalizeWslText } from './text'

/** One row of `wsl --list --verbose`. */
export interface WslDistro {
  readonly name: string
  /** As printed: `Running`, `Stopped`, `Installing`, `Converting`, `Uninstalling`… (not localized, docs/knowledge/wsl-checks.md#console-output-of-wsl). */
  readonly state: string
  readonly running: boolean
  /** 1 or 2 (WSL version of the distro). */
  readonly version: number
  /** Marked with `*`: the default distribution. */
  readonly isDefault: boolean
}

/**
 * `distros` as listed; `noDistributions` is true when WSL has none (its "no installed
 * distributions" message, or a table without rows), so callers can tell "none" from "unreadable" (null).
 */
export interface WslListResult {
  readonly distros: readonly WslDistro[]
  readonly noDistributions: boolean
}

const HEADER = /^\s*\*?\s*NAME\s+STATE\s+VERSION\s*$/
/** Parsed from the right: version, then state; the rest is the name (spaces allowed, though WSL's names have none in practice). */
const ROW = /^\s*(\*)?\s*(\S(?:.*?\S)?)\s+(\S+)\s+(\d+)\s*$/
/**
 * Language-neutral signs of "Windows Subsystem for Linux has no installed distributions": the error
 * code of current WSL, the Store link and the `--list --online` hint of the message, or its English text.
 */
const NO_DISTRIBUTIONS = /WSL_E_DEFAULT_DISTRO_NOT_FOUND|aka\.ms\/wslstore|--list --online|has no installed distributions/i

/**
 * Parses `wsl --list --verbose` (docs/knowledge/wsl-checks.md#console-output-of-wsl: header `NAME STATE VERSION` and the state
 * words are not localized; `*` marks the default). Tolerates CRLF and the NULs left when UTF-16LE
 * output is read as 8-bit text. Lines before the header (warnings) are ignored; the table ends at
 * the first line that is not a row. Returns null for anything else (inbox usage text, errors).
 */
export function parseWslList(text: string): WslListResult | null {
  const lines = blankLongLines(normalizeWslText(text), 500).split('\n')
  const header = lines.findIndex((line) => HEADER.test(line))
  if (header === -1) return NO_DISTRIBUTIONS.test(normalizeWslText(text)) ? { distros: [], noDistributions: true } : null
  const distros: WslDistro[] = []
  for (const line of lines.slice(header + 1)) {
    if (line.trim() === '') {
      if (distros.length > 0) break
      continue
    }
    const row = ROW.exec(line)
    if (!row) break
    const state = row[3] ?? ''
    distros.push({ name: row[2] ?? '', state, running: state.toLowerCase() === 'running', version: Number(row[4]), isDefault: row[1] === '*' })
  }
  return { distros, noDistributions: distros.length === 0 }
}
