import { formatConfigWarning } from '../../wsl-messages/config-warning'
import { wslLanguageFor } from '../../wsl-messages/messages'
import type { WslConfigMessage } from '../../wslconfig/types'
import { configuredMode, hasCode, said } from '../derived'
import type { Finding } from '../finding'
import type { ConfigView, MachineView } from '../machine-view'
import { evidence, finding, outputSource, rule, type Rule } from './rule'

/**
 * `.wslconfig` problems judged exactly as WSL's parser judges them (docs/knowledge/wslconfig.md;
 * `shared/wslconfig/` reproduces configfile.cpp): what WSL refuses to load, which networking
 * setting it silently does not read, what else it skips, encodings it mis-reads, misnamed files.
 */
export const wslconfigRules: readonly Rule[] = [
  rule(['wslconfig-file'], failsToLoadRule),
  rule(['wslconfig-file', 'windows-version'], networkingKeyRule),
  rule(['wslconfig-file', 'windows-version'], otherWarningsRule),
  rule(['wslconfig-file'], encodingRule),
  rule(['wslconfig-file'], misnamedRule),
  rule(['wslconfig-file', 'wsl-startup'], wslSaidConfigRule),
  rule(['wslconfig-file', 'windows-version', 'wsl-startup'], bridgedRule),
]

/** Keys whose loss changes networking (docs/knowledge/wsl-checks.md#enterprise-policy). */
const NETWORKING_KEYS = [
  'networkingmode',
  'firewall',
  'dnstunneling',
  'autoproxy',
  'dnsproxy',
  'localhostforwarding',
  'ipv6',
  'dhcp',
  'dhcptimeout',
  'vmswitch',
  'macaddress',
  'hostaddressloopback',
  'ignoredports',
  'besteffortdnsparsing',
  'dnstunnelingipaddress',
  'initialautoproxytimeout',
]

function config(view: MachineView): ConfigView | null {
  return view.config.known && view.config.value !== null && view.config.value.exists ? view.config.value : null
}

/** The key a warning is about, lower-cased, without its section (`wsl2.networkMode` → `networkmode`). */
function warningKey(w: WslConfigMessage): string | null {
  const name = w.message === 'MessageConfigUnknownKey' || w.message === 'MessageConfigKeyDuplicated' ? w.args[0] : w.args[1]
  return typeof name === 'string' ? (name.split('.').pop() ?? '').toLowerCase() : null
}

function isNetworkingWarning(w: WslConfigMessage, c: ConfigView): boolean {
  const key = warningKey(w)
  if (key !== null && NETWORKING_KEYS.includes(key)) return true
  // An unknown key that our hints map to a networking key (`networkMode` → `networkingMode`).
  return c.hints.some(
    (h) =>
      h.line === w.line &&
      (h.id === 'unknown-key-did-you-mean' || h.id === 'key-in-wrong-section') &&
      NETWORKING_KEYS.includes(
        String(h.args[1] ?? '')
          .split('.')
          .pop()
          ?.toLowerCase() ?? '',
      ),
  )
}

/** What WSL prints for the warning, in the PC's Windows language (WSL follows the UI culture). */
function text(view: MachineView, c: ConfigView, w: WslConfigMessage): string {
  const language = wslLanguageFor(view.windows.known ? view.windows.value.uiCulture : null)
  return `wsl: ${formatConfigWarning(w, language, c.path ?? '.wslconfig')}`
}

/** Evidence for one warning: WSL's own text in English and Chinese (`text@zh-CN`) for our two UI languages. */
function warningEvidence(w: WslConfigMessage) {
  return evidence('ev.configWarning', 'wslconfig-file', {
    line: w.line,
    message: w.message,
    text: formatConfigWarning(w, 'en-US', '.wslconfig'),
    'text@zh-CN': formatConfigWarning(w, 'zh-CN', '.wslconfig'),
  })
}

/** docs/knowledge/wslconfig.md: an invalid `macAddress` makes the parser throw; WSL then does not load the file at all. */
function failsToLoadRule(view: MachineView): Finding[] {
  const c = config(view)
  if (!c?.parse.error) return []
  const e = c.parse.error
  return [
    finding({
      id: 'wslconfig-fails-to-load',
      severity: 'error',
      confidence: 'high',
      evidence: [evidence('ev.configError', 'wslconfig-file', { line: e.line, value: String(e.args[0] ?? ''), key: String(e.args[1] ?? '') })],
      fixes: ['wslconfig-fix-key', 'wsl-shutdown'],
      wslSaid: [text(view, c, e)],
    }),
  ]
}

/** docs/knowledge/wslconfig.md, #11359: the networking setting the user wrote is skipped (typo, wrong section, bad value). */
function networkingKeyRule(view: MachineView): Finding[] {
  const c = config(view)
  if (!c) return []
  const warnings = c.parse.warnings.filter((w) => isNetworkingWarning(w, c))
  if (warnings.length === 0) return []
  const suggestion = c.hints.find((h) => h.id === 'unknown-key-did-you-mean' && warnings.some((w) => w.line === h.line))
  return [
    finding({
      id: 'wslconfig-networking-key-ignored',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        ...warnings.map(warningEvidence),
        ...(suggestion
          ? [
              evidence('ev.configDidYouMean', 'wslconfig-file', {
                line: suggestion.line,
                written: String(suggestion.args[0]),
                meant: String(suggestion.args[1]),
              }),
            ]
          : []),
      ],
      fixes: ['wslconfig-fix-key', 'wsl-shutdown'],
      wslSaid: warnings.map((w) => text(view, c, w)),
      args: { count: warnings.length },
    }),
  ]
}

/** docs/knowledge/wslconfig.md: other lines WSL warns about and skips. */
function otherWarningsRule(view: MachineView): Finding[] {
  const c = config(view)
  if (!c) return []
  const warnings = c.parse.warnings.filter((w) => !isNetworkingWarning(w, c))
  if (warnings.length === 0) return []
  return [
    finding({
      id: 'wslconfig-warnings',
      severity: 'info',
      confidence: 'high',
      evidence: warnings.map(warningEvidence),
      fixes: ['wslconfig-fix-key'],
      wslSaid: warnings.map((w) => text(view, c, w)),
      args: { count: warnings.length },
    }),
  ]
}

/** docs/knowledge/wslconfig.md: WSL reads UTF-8 (± BOM) and UTF-16LE with BOM; BOM-less UTF-16 and ANSI/GBK text are mis-read. */
function encodingRule(view: MachineView): Finding[] {
  const c = config(view)
  const hint = c?.hints.find((h) => h.id === 'utf16-without-bom' || h.id === 'not-utf8' || h.id === 'lone-cr-line-ends')
  if (!c || !hint) return []
  // Lone CR line ends: the parser proved which settings WSL ignores (shared/wslconfig/hints.ts).
  const ev =
    hint.id === 'lone-cr-line-ends'
      ? evidence('ev.configLoneCr', 'wslconfig-file', { ignored: String(hint.args[0] ?? '') })
      : evidence(hint.id === 'utf16-without-bom' ? 'ev.configUtf16NoBom' : 'ev.configNotUtf8', 'wslconfig-file')
  return [
    finding({
      id: 'wslconfig-encoding',
      severity: 'warning',
      confidence: hint.id === 'not-utf8' ? 'medium' : 'high',
      evidence: [ev],
      fixes: ['wslconfig-reencode', 'wsl-shutdown'],
    }),
  ]
}

/** docs/knowledge/wslconfig.md: no `.wslconfig`, but a lookalike (`.wslconfig.txt`, `wsl.conf`…) that WSL never reads. */
function misnamedRule(view: MachineView): Finding[] {
  if (!view.config.known || view.config.value === null) return []
  const c = view.config.value
  if (c.exists || c.lookalikeFiles.length === 0) return []
  return [
    finding({
      id: 'wslconfig-misnamed',
      severity: 'warning',
      confidence: 'medium',
      evidence: [evidence('ev.configLookalike', 'wslconfig-file', { files: c.lookalikeFiles.join(', '), path: c.path ?? '' })],
      fixes: ['wslconfig-rename-file', 'wsl-shutdown'],
    }),
  ]
}

/** WSL's `.wslconfig` / `/etc/wsl.conf` messages, by id (microsoft/WSL `src/shared/configfile/configfile.cpp`). */
const CONFIG_MESSAGES = [
  'MessageConfigUnknownKey',
  'MessageConfigInvalidEnum',
  'MessageConfigInvalidBoolean',
  'MessageConfigInvalidInteger',
  'MessageConfigInvalidIp',
  'MessageConfigInvalidKey',
  'MessageConfigInvalidSection',
  'MessageConfigExpected',
  'MessageConfigInvalidEscape',
  'MessageConfigKeyDuplicated',
  'MessageConfigMacAddress',
] as const

/** Keys that only `.wslconfig` reads ([wsl2] / [experimental]): found in /etc/wsl.conf they do nothing there. */
const VM_SECTIONS = /^(wsl2|experimental)\./i

/**
 * docs/knowledge/wslconfig.md, issue 11: what WSL printed about a config line (key, value, file, line) is a finding even when
 * the file itself was not pasted or scanned. Arguments are in WSL's call order whatever the language
 * (recognize-messages.ts): the key is the first argument of UnknownKey/KeyDuplicated, the second of
 * the value messages. When the file was read, the rules above judge it line by line instead.
 */
function wslSaidConfigRule(view: MachineView): Finding[] {
  if (config(view) !== null) return []
  const messages = said(view, ...CONFIG_MESSAGES)
  if (messages.length === 0) return []
  const keyOf = (id: string, args: readonly string[]) => (id === 'MessageConfigUnknownKey' || id === 'MessageConfigKeyDuplicated' ? args[0] : args[1]) ?? ''
  const fileOf = (args: readonly string[]) => args.find((a) => /wslconfig|wsl\.conf/i.test(a)) ?? ''
  const inWslConf = messages.filter((m) => /wsl\.conf/i.test(fileOf(m.args)) && VM_SECTIONS.test(keyOf(m.id, m.args)))
  const networking = messages.filter((m) => !inWslConf.includes(m) && NETWORKING_KEYS.includes((keyOf(m.id, m.args).split('.').pop() ?? '').toLowerCase()))
  const other = messages.filter((m) => !inWslConf.includes(m) && !networking.includes(m))
  const said_ = (list: typeof messages) => list.map((m) => evidence('ev.wslSaidConfig', 'pasted', { text: m.text }))
  return [
    ...(inWslConf.length > 0
      ? [
          finding({
            id: 'wslconfig-misnamed',
            severity: 'warning',
            confidence: 'high',
            evidence: said_(inWslConf),
            fixes: ['wslconfig-rename-file', 'wsl-shutdown'],
            wslSaid: inWslConf.map((m) => m.text),
          }),
        ]
      : []),
    ...(networking.length > 0
      ? [
          finding({
            id: 'wslconfig-networking-key-ignored',
            severity: 'warning',
            confidence: 'high',
            evidence: said_(networking),
            fixes: ['wslconfig-fix-key', 'wsl-shutdown'],
            wslSaid: networking.map((m) => m.text),
            args: { count: networking.length },
          }),
        ]
      : []),
    ...(other.length > 0
      ? [
          finding({
            id: 'wslconfig-warnings',
            severity: 'info',
            confidence: 'high',
            evidence: said_(other),
            fixes: ['wslconfig-fix-key'],
            wslSaid: other.map((m) => m.text),
            args: { count: other.length },
          }),
        ]
      : []),
  ]
}

/**
 * docs/knowledge/causes.md#bridged-on-windows-10: `networkingMode=bridged` needs Windows 11; on Windows 10
 * WSL stops configuring the network with HCS's "JSON document is invalid" (0x8037010d). Needs the
 * bridged setting plus either the Windows 10 build or that error: on Windows 11, or with neither
 * known, it says nothing.
 */
function bridgedRule(view: MachineView): Finding[] {
  if (configuredMode(view) !== 'bridged') return []
  const win = view.windows.known ? view.windows.value : null
  const windows10 = win === null ? null : win.build < 22000
  const invalidJson = hasCode(view, '0x8037010d')
  if (windows10 === false || (windows10 === null && invalidJson === undefined)) return []
  return [
    finding({
      id: 'wslconfig-bridged-unsupported',
      severity: 'error',
      confidence: windows10 === true ? 'high' : 'medium',
      evidence: [
        evidence('ev.bridgedRequested', 'wslconfig-file'),
        ...(win !== null && windows10 === true ? [evidence('ev.bridgedOnWindows10', 'windows-version', { version: win.version })] : []),
        ...(invalidJson !== undefined ? [evidence('ev.bridgedInvalidJson', outputSource(view))] : []),
      ],
      fixes: ['wslconfig-set-nat', 'windows-feature-update'],
    }),
  ]
}
