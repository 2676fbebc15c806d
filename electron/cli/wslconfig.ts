/**
 * `npm run wslconfig -- lint FILE [--json] | set KEY VALUE FILE | unset KEY FILE`
 *
 * Reads `.wslconfig` exactly as WSL does (shared/wslconfig) so support staff and tests can compare our
 * reading with WSL's. `set`/`unset` print the edited text and never write the file.
 */
import { readFileSync } from 'node:fs'
import { decodeWslConfig } from '../../shared/wslconfig/decode'
import { setWslConfigKey, unsetWslConfigKey, WslConfigEditError } from '../../shared/wslconfig/edit'
import { formatConfigWarning } from '../../shared/wsl-messages/config-warning'
import { hintText } from '../../shared/wslconfig/hint-text'
import { wslConfigHints } from '../../shared/wslconfig/hints'
import { parseWslConfig } from '../../shared/wslconfig/parse'

/** What one CLI run produced; `main` never exits the process so tests can call it. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

const USAGE = [
  'Usage:',
  '  wslconfig lint FILE [--json]   show how WSL reads FILE (warnings, values, hints)',
  '  wslconfig set KEY VALUE FILE   print FILE with KEY set to VALUE',
  '  wslconfig unset KEY FILE       print FILE without KEY',
  '',
].join('\n')

/** Runs the CLI with `argv` (without the node/script entries). */
export function main(argv: readonly string[]): CliResult {
  const [command, ...rest] = argv
  if (command === 'lint') {
    const json = rest.includes('--json')
    const files = rest.filter((a) => a !== '--json')
    if (files.length !== 1 || files[0]?.startsWith('--')) return usage()
    return lint(files[0] ?? '', json)
  }
  if (command === 'set' && rest.length === 3) return edit(rest[2] ?? '', (text) => setWslConfigKey(text, rest[0] ?? '', rest[1] ?? ''))
  if (command === 'unset' && rest.length === 2) return edit(rest[1] ?? '', (text) => unsetWslConfigKey(text, rest[0] ?? ''))
  if (command === '--help' || command === '-h' || command === 'help') return { code: 0, stdout: USAGE, stderr: '' }
  return usage()
}

function usage(): CliResult {
  return { code: 2, stdout: '', stderr: USAGE }
}

function read(file: string): Uint8Array | CliResult {
  try {
    return new Uint8Array(readFileSync(file))
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return { code: 1, stdout: '', stderr: `wslconfig: cannot read ${file}: ${reason}\n` }
  }
}

function lint(file: string, json: boolean): CliResult {
  const bytes = read(file)
  if (!(bytes instanceof Uint8Array)) return bytes
  const parsed = parseWslConfig(bytes)
  const hints = wslConfigHints(bytes)
  if (json) {
    const out: Record<string, unknown> = { values: parsed.values, warnings: parsed.warnings }
    if (parsed.error) out.error = parsed.error
    out.hints = hints
    return { code: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: '' }
  }
  const decoded = decodeWslConfig(bytes)
  const lines: string[] = [`${file} (${decoded.encoding}${decoded.crlf ? ', CRLF' : ''})`]
  if (parsed.error)
    lines.push(`error: ${formatConfigWarning(parsed.error, 'en-US', file)}`, '  (WSL stops reading the file here and does not start with this configuration)')
  for (const w of parsed.warnings) lines.push(`wsl: ${formatConfigWarning(w, 'en-US', file)}`)
  for (const h of hints) lines.push(`hint: line ${h.line}: ${hintText(h)}`)
  const entries = Object.entries(parsed.values)
  lines.push(entries.length === 0 ? 'No settings are in effect; WSL uses its defaults.' : 'Settings WSL reads:')
  for (const [k, v] of entries) lines.push(`  ${k} = ${JSON.stringify(v)}`)
  return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '' }
}

function edit(file: string, change: (text: string) => string): CliResult {
  const bytes = read(file)
  if (!(bytes instanceof Uint8Array)) return bytes
  try {
    return { code: 0, stdout: change(decodeWslConfig(bytes).rawText), stderr: '' }
  } catch (e) {
    if (e instanceof WslConfigEditError) return { code: e.code === 'unknown-key' ? 2 : 1, stdout: '', stderr: `wslconfig: ${e.message}\n` }
    throw e
  }
}

if (process.argv[1] && /[\\/]wslconfig\.(ts|js|mjs|cjs)$/.test(process.argv[1])) {
  const result = main(process.argv.slice(2))
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
  process.exitCode = result.code
}
