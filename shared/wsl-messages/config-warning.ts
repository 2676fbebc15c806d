import { formatWslMessage, isWslMessageId, type WslLanguage } from './messages'

/**
 * A `.wslconfig` warning as WSL's parser reports it: message id, line, and the arguments before the
 * file and line (wslconfig-samples/README.md "warnings").
 */
export interface ConfigWarning {
  readonly message: string
  readonly line: number
  readonly args: readonly (string | number)[]
}

/**
 * The text WSL prints for a config warning (without the `wsl: ` prefix), in one of WSL's languages.
 *
 * Most templates take `args…, file, line`; two put more text after the location
 * (MessageConfigInvalidEnum: valid values; MessageConfigKeyDuplicated: the conflicting key and line).
 */
export function formatConfigWarning(warning: ConfigWarning, language: WslLanguage, file: string): string {
  if (!isWslMessageId(warning.message)) return `${warning.message} (${file}:${warning.line})`
  const [a0, a1, a2] = warning.args
  switch (warning.message) {
    case 'MessageConfigInvalidEnum':
      return formatWslMessage(warning.message, language, [a0 ?? '', a1 ?? '', file, warning.line, a2 ?? ''])
    case 'MessageConfigKeyDuplicated':
      return formatWslMessage(warning.message, language, [a0 ?? '', file, warning.line, a1 ?? '', file, a2 ?? ''])
    default:
      return formatWslMessage(warning.message, language, [...warning.args, file, warning.line])
  }
}
