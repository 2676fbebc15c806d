import type { WslConfigHint } from '../../../../shared/wslconfig/hints'
import type { MessageKey, MessageVars } from '../../i18n/i18n'

/**
 * A hint as a catalog key and named placeholders. `hint-text.ts` renders hints in English only
 * (CLI, logs); the UI needs both languages, so the same arguments are named here once.
 */
export function hintMessage(hint: WslConfigHint): { readonly key: MessageKey; readonly vars: MessageVars } {
  const a = hint.args.map(String)
  const key: MessageKey = `wslconfigView.hint.${hint.id}`
  switch (hint.id) {
    case 'unknown-key-did-you-mean':
    case 'key-in-wrong-section':
    case 'section-typo':
    case 'legacy-experimental-section':
      return { key, vars: { written: a[0] ?? '', meant: a[1] ?? '' } }
    case 'key-before-any-section':
      return { key, vars: { written: a[0] ?? '', section: (a[1] ?? '').split('.')[0] ?? '' } }
    case 'wsl-conf-key':
      return { key, vars: { written: a[0] ?? '' } }
    case 'section-header-ignored':
      return { key, vars: { header: a[0] ?? '' } }
    case 'backslash-invalid-escape':
      return { key, vars: { key: a[0] ?? '', fixed: a[2] ?? '' } }
    case 'backslash-silently-mangled':
      return { key, vars: { raw: a[0] ?? '', stored: JSON.stringify(a[1] ?? ''), fixed: a[2] ?? '' } }
    case 'non-ascii-mangled':
      return { key, vars: { raw: JSON.stringify(a[0] ?? ''), stored: JSON.stringify(a[1] ?? '') } }
    case 'lone-cr-line-ends':
      return { key, vars: { ignored: a[0] ?? '' } }
    case 'duplicate-across-sections':
      return { key, vars: { written: a[0] ?? '', first: a[1] ?? '', line: a[2] ?? '' } }
    case 'semicolon-comment':
    case 'utf16-without-bom':
    case 'not-utf8':
      return { key, vars: {} }
  }
}
