import type { WslMessageId } from '../wsl-messages/messages'

/** What a `{}` holds: free text on one line, or a whole number (a line number, a build number). */
export type ArgKind = 'text' | 'int'

const t = 'text'
const n = 'int'

/**
 * Argument kinds in WSL's call order, for messages with numeric arguments. WSL fills `{}` in call
 * order even where a translation moved the words around (zh-CN `{}:{} 中应为 {}` still receives
 * what, file, line), so the n-th `{}` of every language is the n-th argument. Knowing which one is
 * a line number lets `C:\Users\…\.wslconfig:3` split at the right colon (docs/knowledge/wslconfig.md).
 */
const kinds: Partial<Record<WslMessageId, readonly ArgKind[]>> = {
  MessageConfigExpected: [t, t, n],
  MessageConfigInvalidBoolean: [t, t, t, n],
  MessageConfigInvalidEnum: [t, t, t, n, t],
  MessageConfigInvalidEscape: [t, t, n],
  MessageConfigInvalidInteger: [t, t, t, n],
  MessageConfigInvalidIp: [t, t, t, n],
  MessageConfigInvalidKey: [t, n],
  MessageConfigInvalidSection: [t, n],
  MessageConfigKeyDuplicated: [t, t, n, t, t, n],
  MessageConfigMacAddress: [t, t, t, n],
  MessageConfigUnknownKey: [t, t, n],
  MessageInvalidNumberString: [t, t, t, n],
  MessageMirroredNetworkingNotSupportedWindowsVersion: [n, n],
}

/** Argument kinds of one message in call order; `text` for every argument not listed. */
export function messageArgKinds(id: string): readonly ArgKind[] {
  return (kinds as Readonly<Record<string, readonly ArgKind[]>>)[id] ?? []
}
