import { buildLacksMirrored, policyLocksMode } from '../../diagnosis/derived'
import type { FixId } from '../../diagnosis/fix-ids'
import type { MachineView } from '../../diagnosis/machine-view'
import { setWslConfigKey } from '../../wslconfig/edit'
import { wslConfigHints } from '../../wslconfig/hints'
import { encodeUtf8 } from '../../wslconfig/utf8'
import type { FindingId } from '../../diagnosis/finding-ids'
import type { FixDefinition, PlanParts, Unavailable } from '../fix-definition'
import { wslconfigWriteStep, wslShutdownStep } from '../steps'

/**
 * `.wslconfig` edits (E.5 step 2, B.2): one key changed and nothing else, the file's encoding and
 * line ends kept, written atomically after a backup, then `wsl --shutdown` so WSL reads it. Undo
 * restores the backup byte for byte. Never for a user whose policy locks the setting (B.4).
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

/** Encodes edited text in the encoding the file had (WSL reads all three, B.2). */
export function encodeLike(text: string, encoding: ConfigFile['encoding']): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return encodeUtf8(text)
    case 'utf8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...encodeUtf8(text)])
    case 'utf16le-bom': {
      const out = new Uint8Array(2 + text.length * 2)
      out[0] = 0xff
      out[1] = 0xfe
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i)
        out[2 + i * 2] = unit & 0xff
        out[3 + i * 2] = unit >> 8
      }
      return out
    }
  }
}

function edit(view: MachineView, change: (text: string) => string): PlanParts {
  const file = configOf(view)
  if (file === null) throw new Error('the .wslconfig was not read')
  // A new file gets Windows line ends; an existing one keeps its own (the editor preserves them).
  const before = file.rawText
  const after = change(before === '' ? '' : before).replace(/\r?\n/g, before === '' || before.includes('\r\n') ? '\r\n' : '\n')
  return {
    phases: [{ steps: [wslconfigWriteStep(file.path, file.bytes, encodeLike(after, file.encoding)), wslShutdownStep()], rebootAfter: false }],
    reversibility: { kind: 'undoable' },
    affects: ['docker-desktop', 'vscode-remote'],
    verifyProbes: ['wslconfig-file', 'wsl-startup'],
    fileChange: { path: file.path, before, after },
  }
}

function unreadable(view: MachineView): Unavailable | null {
  if (configOf(view) === null) return { key: 'unavailable.configUnknown' }
  return null
}

function setKey(id: FixId, addresses: readonly FindingId[], key: string, value: string, extra?: (view: MachineView) => Unavailable | null): FixDefinition {
  return {
    id,
    addresses,
    unavailable: (view) => unreadable(view) ?? (key === 'wsl2.networkingMode' && policyLocksMode(view) === true ? { key: 'unavailable.policyLocked' } : null) ?? extra?.(view) ?? null,
    plan: (view) => edit(view, (text) => setWslConfigKey(text, key, value)),
  }
}

export const wslconfigFixes: readonly FixDefinition[] = [
  setKey('wslconfig-set-nat', ['mirrored-unsupported-windows', 'mirrored-unsupported-server', 'mirrored-ipv6-disabled', 'mirrored-hyperv-firewall-unavailable', 'mirrored-kernel-too-old', 'mirrored-fell-back-unknown-cause', 'dns-tunneling-disabled-by-gsa'], 'wsl2.networkingMode', 'nat'),
  setKey('wslconfig-set-none', ['nat-vmswitch-not-found', 'nat-vmware-leftovers', 'nat-creation-failed'], 'wsl2.networkingMode', 'none'),
  setKey('wslconfig-set-mirrored', ['localhost-proxy-not-mirrored', 'vpn-detected'], 'wsl2.networkingMode', 'mirrored', (view) =>
    buildLacksMirrored(view) !== false ? { key: 'unavailable.mirroredUnsupported' } : null,
  ),
  setKey('wslconfig-enable-dns-tunneling', ['vpn-detected', 'firewall-blocks-wsl-dns', 'hosts-file-too-large'], 'wsl2.dnsTunneling', 'true', (view) =>
    buildLacksMirrored(view) !== false ? { key: 'unavailable.windows11Only' } : null,
  ),
  setKey('wslconfig-disable-autoproxy', ['localhost-proxy-not-mirrored'], 'wsl2.autoProxy', 'false'),
  {
    id: 'wslconfig-fix-key',
    addresses: ['wslconfig-networking-key-ignored', 'wslconfig-warnings'],
    unavailable: (view) => unreadable(view) ?? (renames(view).length === 0 ? { key: 'unavailable.noAutomaticCorrection' } : null),
    // Lines are removed bottom-up so earlier line numbers stay valid, then the right keys are set.
    plan: (view) =>
      edit(view, (text) => {
        const all = renames(view).sort((a, b) => b.line - a.line)
        const without = all.reduce((current, r) => removeLine(current, r.line), text)
        return all.reduce((current, r) => setWslConfigKey(current, r.to, r.value), without)
      }),
  },
  {
    id: 'wslconfig-reencode',
    addresses: ['wslconfig-encoding'],
    unavailable: (view) => unreadable(view) ?? (utf16WithoutBom(view) === null ? { key: 'unavailable.noAutomaticCorrection' } : null),
    plan: (view) => {
      const file = configOf(view)
      const text = utf16WithoutBom(view)
      if (file === null || text === null) throw new Error('nothing to re-encode')
      return {
        phases: [{ steps: [wslconfigWriteStep(file.path, file.bytes, encodeUtf8(text)), wslShutdownStep()], rebootAfter: false }],
        reversibility: { kind: 'undoable' },
        affects: ['docker-desktop', 'vscode-remote'],
        verifyProbes: ['wslconfig-file', 'wsl-startup'],
        fileChange: { path: file.path, before: text, after: text },
      }
    },
  },
]

/** Keys our hints can correct with certainty: a did-you-mean spelling or a key in the wrong section. */
function renames(view: MachineView): { from: string; to: string; value: string; line: number }[] {
  const file = configOf(view)
  if (file === null || file.bytes === null) return []
  const out: { from: string; to: string; value: string; line: number }[] = []
  for (const hint of wslConfigHints(file.bytes)) {
    if (hint.id !== 'unknown-key-did-you-mean' && hint.id !== 'key-in-wrong-section') continue
    const from = String(hint.args[0] ?? '')
    const to = String(hint.args[1] ?? '')
    const value = rawValue(file.rawText, hint.line)
    if (from !== '' && to.includes('.') && value !== null) out.push({ from, to, value, line: hint.line })
  }
  return out
}

/** The text without its 1-based line `line` (the line end of that line goes with it). */
function removeLine(text: string, line: number): string {
  const lines = text.split('\n')
  lines.splice(line - 1, 1)
  return lines.join('\n')
}

/** The value written on a 1-based line (`key = value`), without inline comment. */
function rawValue(text: string, line: number): string | null {
  const content = text.split(/\r?\n/)[line - 1]
  const match = content ? /^[^=]*=\s*([^#]*?)\s*(#.*)?$/.exec(content) : null
  return match?.[1] ?? null
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
