import { buildLacksMirrored, policyLocksMode } from '../../diagnosis/derived'
import type { FixId } from '../../diagnosis/fix-ids'
import type { MachineView } from '../../diagnosis/machine-view'
import { editFileBytes } from '../../wslconfig/byte-edit'
import { resolveWslKey, setWslConfigKey, WslConfigEditError } from '../../wslconfig/edit'
import { encodeWslValue } from '../../wslconfig/encode-value'
import { canonicalName, splitKeyName } from '../../wslconfig/keys'
import { wslConfigHints } from '../../wslconfig/hints'
import { decodeWslConfig } from '../../wslconfig/decode'
import { parseWslConfigDetailed } from '../../wslconfig/parse'
import type { WslConfigEntry } from '../../wslconfig/types'
import { decodeUtf8, encodeUtf8 } from '../../wslconfig/utf8'
import type { FindingId } from '../../diagnosis/finding-ids'
import type { FixDefinition, PlanParts, Unavailable } from '../fix-definition'
import { wslconfigWriteStep, wslShutdownStep } from '../steps'

/**
 * `.wslconfig` edits (docs/knowledge/fixes.md#the-fix-ladder step 2, docs/knowledge/wslconfig.md): one key changed and nothing else — every byte outside the
 * edited lines kept (docs/knowledge/wslconfig.md#byte-exact-edits) — written atomically after a
 * backup, then `wsl --shutdown` so WSL reads it. Undo restores the backup byte for byte. Never for
 * a user whose policy locks the setting (docs/knowledge/wsl-checks.md#enterprise-policy).
 */
interface ConfigFile {
  readonly path: string
  readonly bytes: Uint8Array | null
  readonly rawText: string
  readonly encoding: 'utf8' | 'utf8-bom' | 'utf16le-bom'
}

/** The file as the scan read it, or null when the scan could not read it (too large, unknown). */
function configOf(view: MachineView): ConfigFile | null {
  if (!view.config.known || view.config.value === null || view.config.value.path === null) return null
  const c = view.config.value
  if (c.exists && c.bytes === null) return null
  return { path: c.path as string, bytes: c.bytes, rawText: c.rawText, encoding: c.encoding ?? 'utf8' }
}

/** The manual edit offered when the app cannot make a change without touching other bytes. */
function manual(path: string, lines: readonly string[]): Unavailable {
  return { key: 'unavailable.manualEdit', args: { path, lines: lines.join('\n\n') } }
}

/** A plan, or the manual edit with its exact text when the bytes cannot be kept (byte-edit.ts). */
type Edited = { readonly kind: 'plan'; readonly parts: PlanParts } | { readonly kind: 'manual'; readonly why: Unavailable }

/**
 * Applies `change` to the file's bytes: only the edited lines' bytes change, the rest (encoding, BOM,
 * line ends, bytes that are not UTF-8, a trailing odd byte) stays byte for byte. A missing file is created.
 * `manualLines`: the exact text the user would write by hand if the app cannot.
 */
function edit(view: MachineView, change: (text: string) => string, manualLines: readonly string[]): Edited {
  const file = configOf(view)
  if (file === null) throw new Error('the .wslconfig was not read')
  let result: ReturnType<typeof editFileBytes>
  try {
    result = editFileBytes(file.bytes, change)
  } catch (e) {
    if (e instanceof WslConfigEditError && e.code === 'unsafe') return { kind: 'manual', why: manual(file.path, manualLines) }
    throw e
  }
  if (result.kind === 'manual') return { kind: 'manual', why: manual(file.path, manualLines) }
  const after = result.kind === 'edited' ? result.bytes : (file.bytes ?? new Uint8Array())
  return {
    kind: 'plan',
    parts: {
      phases: [{ steps: [wslconfigWriteStep(file.path, file.bytes, after), wslShutdownStep()], rebootAfter: false }],
      reversibility: { kind: 'undoable' },
      affects: ['docker-desktop', 'vscode-remote'],
      verifyProbes: ['wslconfig-file', 'wsl-startup'],
      fileChange: { path: file.path, before: result.before, after: result.kind === 'edited' ? result.after : result.before },
    },
  }
}

/** The plan of an edit that `unavailable` already found possible. */
function planOf(edited: Edited): PlanParts {
  if (edited.kind === 'manual') throw new Error(`the change needs a manual edit (${edited.why.key})`)
  return edited.parts
}

/** The manual-edit reason when the edit cannot keep the other bytes, else null. */
function manualOf(view: MachineView, edited: () => Edited): Unavailable | null {
  if (configOf(view) === null) return null
  const result = edited()
  return result.kind === 'manual' ? result.why : null
}

/** `key=value` as the user would type it under its `[section]` header. */
function manualLine(key: string, value: string): string {
  const { section, key: name } = splitKeyName(canonicalName(resolveWslKey(key)))
  const encoded = encodeWslValue(value)
  return `[${section}]\n${name}=${encoded.ok ? encoded.text : value}`
}

function unreadable(view: MachineView): Unavailable | null {
  if (configOf(view) === null) return { key: 'unavailable.configUnknown' }
  return null
}

function setKey(id: FixId, addresses: readonly FindingId[], key: string, value: string, extra?: (view: MachineView) => Unavailable | null): FixDefinition {
  return {
    id,
    addresses,
    unavailable: (view) =>
      unreadable(view) ??
      (key === 'wsl2.networkingMode' && policyLocksMode(view) === true ? { key: 'unavailable.policyLocked' } : null) ??
      extra?.(view) ??
      manualOf(view, () => edit(view, (text) => setWslConfigKey(text, key, value), [manualLine(key, value)])),
    plan: (view) => planOf(edit(view, (text) => setWslConfigKey(text, key, value), [manualLine(key, value)])),
  }
}

export const wslconfigFixes: readonly FixDefinition[] = [
  setKey(
    'wslconfig-set-nat',
    [
      'mirrored-unsupported-windows',
      'mirrored-unsupported-server',
      'mirrored-ipv6-disabled',
      'mirrored-hyperv-firewall-unavailable',
      'mirrored-kernel-too-old',
      'mirrored-fell-back-unknown-cause',
      'dns-tunneling-disabled-by-gsa',
      'wslconfig-bridged-unsupported',
    ],
    'wsl2.networkingMode',
    'nat',
  ),
  setKey('wslconfig-set-none', ['nat-vmswitch-not-found', 'nat-vmware-leftovers', 'nat-creation-failed'], 'wsl2.networkingMode', 'none'),
  setKey('wslconfig-set-mirrored', ['localhost-proxy-not-mirrored', 'vpn-detected'], 'wsl2.networkingMode', 'mirrored', (view) =>
    buildLacksMirrored(view) !== false ? { key: 'unavailable.mirroredUnsupported' } : null,
  ),
  setKey(
    'wslconfig-enable-dns-tunneling',
    ['vpn-detected', 'firewall-blocks-wsl-dns', 'hosts-file-too-large', 'nrpt-not-applied-in-wsl'],
    'wsl2.dnsTunneling',
    'true',
    (view) => (buildLacksMirrored(view) !== false ? { key: 'unavailable.windows11Only' } : null),
  ),
  setKey('wslconfig-disable-dns-tunneling', ['dns-tunneling-disabled-by-gsa'], 'wsl2.dnsTunneling', 'false'),
  setKey('wslconfig-disable-autoproxy', ['localhost-proxy-not-mirrored'], 'wsl2.autoProxy', 'false'),
  {
    id: 'wslconfig-fix-key',
    addresses: ['wslconfig-networking-key-ignored', 'wslconfig-warnings'],
    unavailable: (view) =>
      unreadable(view) ?? (renames(view).length === 0 ? { key: 'unavailable.noAutomaticCorrection' } : manualOf(view, () => fixKeys(view))),
    plan: (view) => planOf(fixKeys(view)),
  },
  {
    id: 'wslconfig-reencode',
    addresses: ['wslconfig-encoding'],
    unavailable: (view) => unreadable(view) ?? (utf16WithoutBom(view) === null && !loneCr(view) ? { key: 'unavailable.noAutomaticCorrection' } : null),
    plan: (view) => {
      const file = configOf(view)
      const text = utf16WithoutBom(view)
      // Lone CR line ends become CR LF; every other byte stays (byte-edit.ts).
      if (text === null && loneCr(view)) return planOf(edit(view, (t) => t.replace(/\r(?!\n)/g, '\r\n'), []))
      if (file === null || text === null) throw new Error('nothing to re-encode')
      return {
        phases: [{ steps: [wslconfigWriteStep(file.path, file.bytes, encodeUtf8(text)), wslShutdownStep()], rebootAfter: false }],
        reversibility: { kind: 'undoable' },
        affects: ['docker-desktop', 'vscode-remote'],
        verifyProbes: ['wslconfig-file', 'wsl-startup'],
        // Same text, other bytes: the diff names the encoding change instead of showing no change.
        fileChange: { path: file.path, before: text, after: text, encodingBefore: 'utf16le-no-bom', encodingAfter: 'utf8' },
      }
    },
  },
]

/** Lines are removed bottom-up so earlier line numbers stay valid, then the right keys are set. */
function fixKeys(view: MachineView): Edited {
  const all = renames(view).sort((a, b) => b.line - a.line)
  const manualLines = all.map((r) => `[${splitKeyName(r.to).section}]\n${splitKeyName(r.to).key}=${r.written}`)
  // A value whose stored bytes are not UTF-8 (ANSI/GBK text) cannot be written again as the same bytes.
  if (all.some((r) => r.value === null)) {
    const file = configOf(view)
    return { kind: 'manual', why: manual(file?.path ?? '.wslconfig', manualLines) }
  }
  return edit(
    view,
    (text) => {
      const without = all.reduce((current, r) => removeLine(current, r.line), text)
      return all.reduce((current, r) => setWslConfigKey(current, r.to, r.value ?? ''), without)
    },
    manualLines,
  )
}

interface Rename {
  readonly to: string
  /** The value as WSL stored it under the wrong name, as text; null when its bytes are not UTF-8. */
  readonly value: string | null
  /** The value as written in the file, for the manual edit. */
  readonly written: string
  readonly line: number
}

/** Keys our hints can correct with certainty: a did-you-mean spelling or a key in the wrong section. */
function renames(view: MachineView): Rename[] {
  const file = configOf(view)
  if (file === null || file.bytes === null) return []
  const parsed = parseWslConfigDetailed(file.bytes)
  const text = decodeWslConfig(file.bytes).text
  const out: Rename[] = []
  for (const hint of wslConfigHints(file.bytes)) {
    if (hint.id !== 'unknown-key-did-you-mean' && hint.id !== 'key-in-wrong-section') continue
    const from = String(hint.args[0] ?? '')
    const to = String(hint.args[1] ?? '')
    const entry = parsed.entries.find((e): e is Extract<WslConfigEntry, { kind: 'key' }> => e.kind === 'key' && e.line === hint.line && e.name === from)
    if (entry === undefined || !to.includes('.')) continue
    // Renamed, the key must give WSL the very bytes it stored under the wrong name (the value "as
    // WSL stores it"); setWslConfigKey takes values as meant, i.e. as the UTF-8 text of those bytes.
    const meant = decodeUtf8(entry.valueBytes)
    const same = sameBytes(encodeUtf8(meant), entry.valueBytes)
    out.push({ to, value: same ? meant : null, written: text.slice(entry.valueStart, entry.valueEnd), line: hint.line })
  }
  return out
}

function sameBytes(a: Uint8Array, b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** The text without its 1-based line `line` (the line end of that line goes with it). */
function removeLine(text: string, line: number): string {
  const lines = text.split('\n')
  lines.splice(line - 1, 1)
  return lines.join('\n')
}

/** WSL ignores settings because the file's lines end with lone CRs (hints.ts proved it). */
function loneCr(view: MachineView): boolean {
  const file = configOf(view)
  return file !== null && file.bytes !== null && wslConfigHints(file.bytes).some((h) => h.id === 'lone-cr-line-ends')
}

/** The text of a BOM-less UTF-16LE file (the one encoding case we can convert without guessing). */
function utf16WithoutBom(view: MachineView): string | null {
  const file = configOf(view)
  if (file === null || file.bytes === null) return null
  const hints = wslConfigHints(file.bytes)
  if (!hints.some((h) => h.id === 'utf16-without-bom')) return null
  let text = ''
  for (let i = 0; i + 1 < file.bytes.length; i += 2) text += String.fromCharCode(file.bytes[i]! | (file.bytes[i + 1]! << 8))
  return text
}
