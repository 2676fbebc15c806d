import { wslMessageTemplate } from '../wsl-messages/messages'
import { wslLanguages } from './message-catalog'
import { blankLongLines, normalizeWslText } from './text'

/** What `wsl --version` reports (docs/knowledge/wsl-checks.md#console-output-of-wsl). Only `wslVersion` is always present. */
export interface WslVersionInfo {
  readonly wslVersion: string
  readonly kernelVersion: string | null
  readonly wslgVersion: string | null
  readonly msrdcVersion: string | null
  readonly direct3dVersion: string | null
  readonly dxcoreVersion: string | null
  readonly windowsVersion: string | null
}

type Field = keyof WslVersionInfo

/** The order of MessagePackageVersions' lines. */
const FIELDS: readonly Field[] = ['wslVersion', 'kernelVersion', 'wslgVersion', 'msrdcVersion', 'direct3dVersion', 'dxcoreVersion', 'windowsVersion']

/** `5.15.153.1-2`, `6.6.87.2-1`, `1.611.1-81528511`, `10.0.26100.1-240331-1435.ge-release`, `6.1.21.2-microsoft-standard-WSL2+`. */
const VERSION = '\\d+(?:\\.\\d+)+(?:[-+][0-9A-Za-z][0-9A-Za-z._+-]*|\\+)?'
const ROW = new RegExp(`^\\s*(.*?\\p{L}.*?)\\s*[:：]?\\s*(${VERSION})\\s*$`, 'u')
const WSL_VERSION = /^\d+\.\d+\.\d+(?:\.\d+)?$/

let labels: ReadonlyMap<string, Field> | undefined

/**
 * Parses `wsl --version` output in any of WSL's languages. Labels are localized (zh-CN
 * `WSL 版本： 2.3.26.0`, #12486), so each `label: version` line is placed by its label where the label is
 * one of MessagePackageVersions' 22 translations, and otherwise by position in the first run of seven
 * such lines (docs/knowledge/wsl-checks.md#console-output-of-wsl: "parse by regex on version-shaped tokens, in order").
 *
 * Returns null when no WSL version can be found: inbox `wsl.exe` printing its usage text because it
 * does not know `--version` (treat as "inbox WSL, please update"), an error, or anything else.
 */
export function parseWslVersionOutput(text: string): WslVersionInfo | null {
  const lines = blankLongLines(normalizeWslText(text), 200).split('\n')
  const rows = lines.map((line) => ROW.exec(line))
  const values = new Map<Field, string>()
  for (const row of rows) {
    const field = row ? labelField(row[1] ?? '') : undefined
    if (row && field && !values.has(field)) values.set(field, row[2] ?? '')
  }
  const run = firstRun(rows.filter((row, i) => row !== null || lines[i]?.trim() !== ''))
  if (run) FIELDS.forEach((field, i) => values.has(field) || values.set(field, run[i] ?? ''))
  const wslVersion = values.get('wslVersion')
  if (wslVersion === undefined || !WSL_VERSION.test(wslVersion)) return null
  return {
    wslVersion,
    kernelVersion: values.get('kernelVersion') ?? null,
    wslgVersion: values.get('wslgVersion') ?? null,
    msrdcVersion: values.get('msrdcVersion') ?? null,
    direct3dVersion: values.get('direct3dVersion') ?? null,
    dxcoreVersion: values.get('dxcoreVersion') ?? null,
    windowsVersion: values.get('windowsVersion') ?? null,
  }
}

/** Values of the first seven consecutive `label: version` lines (blank lines skipped), or null. */
function firstRun(rows: readonly (RegExpExecArray | null)[]): string[] | null {
  let run: string[] = []
  for (const row of rows) {
    if (row === null) {
      run = []
      continue
    }
    run.push(row[2] ?? '')
    if (run.length === FIELDS.length) return run
  }
  return null
}

function labelField(label: string): Field | undefined {
  labels ??= buildLabels()
  return labels.get(labelKey(label))
}

/** Localized labels of MessagePackageVersions (`WSL version`, `内核版本`, …) → field; ambiguous labels left out. */
function buildLabels(): Map<string, Field> {
  const map = new Map<string, Field | null>()
  for (const language of wslLanguages) {
    wslMessageTemplate('MessagePackageVersions', language)
      .split('\n')
      .forEach((line, i) => {
        const field = FIELDS[i]
        const key = labelKey(line.replace('{}', ''))
        if (field === undefined || key === '') return
        const known = map.get(key)
        map.set(key, known === undefined || known === field ? field : null)
      })
  }
  return new Map([...map].filter((entry): entry is [string, Field] => entry[1] !== null))
}

function labelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/^wsl\s*:\s*/, '')
    .replace(/[\s:：]/g, '')
}
