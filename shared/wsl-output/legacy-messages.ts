import type { WslLanguage, WslMessageId } from '../wsl-messages/messages'

/**
 * Ids for texts that wsl.exe prints but that are not in wsl-messages.json (WSL 2.9.4 resources):
 * - `LegacyMirroredNotSupported`: WSL 2.0–2.1 mirrored fallback (docs/knowledge/wsl-checks.md#mirrored-checks);
 * - `LegacyNatConfigureFailed`: hard NAT failure of WSL ≤ ~2.3.24, args mode and `.wslconfig` path (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback);
 * - `LegacyNatFallbackNoNetworking`: ~2.3.24 NAT failure that starts without network (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, #11980);
 * - `SystemRequestUnsupported` / `SystemAccessDenied`: Windows' own text for HCN_E_REQUEST_UNSUPPORTED
 *   (0x803b0015) and E_ACCESSDENIED, printed above `Error code:` (docs/knowledge/wsl-checks.md#mirrored-checks Server 2025, docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/error-codes.md#hresult-table);
 * - `SystemOperationNotSupported`: Windows' text for WSAEOPNOTSUPP (10045), which old WSL printed
 *   alone when a Winsock layered provider broke its socket (docs/knowledge/host-causes.md#winsock-lsp, #4177).
 * These three only let the recognizer nest a text under `Error code:`. The sourced texts of every
 * known code, and the code each one stands for, are in system-messages.ts (docs/knowledge/windows-system-messages.md).
 */
export type LegacyMessageId =
  | 'LegacyMirroredNotSupported'
  | 'LegacyNatConfigureFailed'
  | 'LegacyNatFallbackNoNetworking'
  | 'SystemRequestUnsupported'
  | 'SystemAccessDenied'
  | 'SystemOperationNotSupported'

/** Where a recognised text comes from: WSL's current resources, an older WSL, or Windows itself. */
export type MessageOrigin = 'resources' | 'legacy' | 'windows'

/** A text to recognise beside wsl-messages.json, reported under `id` and `language`. */
export interface ExtraTemplate {
  readonly id: LegacyMessageId | WslMessageId
  readonly language: WslLanguage
  /** `{}` in call order, or `{n}` for call-order argument n where a translation reordered them. */
  readonly template: string
  readonly origin: Exclude<MessageOrigin, 'resources'>
}

/**
 * Texts seen in real WSL output that the current resource files no longer contain: older English
 * strings, older translations of current messages (same id, so callers need not care), and the
 * Windows system messages that precede `Error code:` in networking failures.
 */
export const extraTemplates: readonly ExtraTemplate[] = [
  // docs/knowledge/wsl-checks.md#mirrored-checks: WSL 2.0.x–2.1.x (#11414, #11283, #11359); #10823 shows it without the comma.
  {
    id: 'LegacyMirroredNotSupported',
    language: 'en-US',
    template: 'Mirrored networking mode is not supported, falling back to NAT networking',
    origin: 'legacy',
  },
  {
    id: 'LegacyMirroredNotSupported',
    language: 'en-US',
    template: 'Mirrored networking mode is not supported falling back to NAT networking',
    origin: 'legacy',
  },
  // The same 2.0.x message from the es-ES event log (#10717).
  { id: 'LegacyMirroredNotSupported', language: 'es-ES', template: 'No se admite el modo de red reflejada, revirtiendo a las redes NAT', origin: 'legacy' },
  // docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback: ≤ ~2.3.24 (#11802, #12019, #12022); #11811 shows it without the backticks.
  {
    id: 'LegacyNatConfigureFailed',
    language: 'en-US',
    template: 'Failed to configure network (networkingMode {}). To disable networking, set `wsl2.networkingMode=None` in {}',
    origin: 'legacy',
  },
  // docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback: ~2.3.24 (#11980).
  {
    id: 'LegacyNatFallbackNoNetworking',
    language: 'en-US',
    template: 'Failed to configure network (networkingMode {}), falling back to no networking.',
    origin: 'legacy',
  },
  // docs/knowledge/wsl-checks.md#mirrored-checks: the zh-CN translation shipped with 2.3.26 was garbled (#12442, #12486).
  {
    id: 'MessageNetworkInitializationFailedFallback2',
    language: 'zh-CN',
    template: '无法配置 networkingMode {}) (网络，回退到 networkingMode {}。',
    origin: 'legacy',
  },
  // Knowledge base "Localized text": 2.3.14 said 未知密钥 and put the file first (#11873).
  { id: 'MessageConfigUnknownKey', language: 'zh-CN', template: "{1}:{2} 中的未知密钥 '{0}'", origin: 'legacy' },
  // docs/knowledge/error-codes.md#hresult-table 0x803b0015 (#12486 English, #12442 zh-CN).
  { id: 'SystemRequestUnsupported', language: 'en-US', template: 'The specified request is unsupported.', origin: 'windows' },
  { id: 'SystemRequestUnsupported', language: 'zh-CN', template: '指定的请求不受支持。', origin: 'windows' },
  // docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback/C.4 E_ACCESSDENIED (#11980).
  { id: 'SystemAccessDenied', language: 'en-US', template: 'Access is denied.', origin: 'windows' },
  // docs/knowledge/host-causes.md#winsock-lsp WSAEOPNOTSUPP (10045): the system text printed by wsl.exe without a code (#4405, #6956
  // English; #4194, #6300 zh-CN). WSL 2.9 prints the same zh-CN text above `错误代码： WSAEOPNOTSUPP`
  // (#41656), which ties the Chinese text to the code. Some copies end without the period.
  {
    id: 'SystemOperationNotSupported',
    language: 'en-US',
    template: 'The attempted operation is not supported for the type of object referenced.',
    origin: 'windows',
  },
  {
    id: 'SystemOperationNotSupported',
    language: 'en-US',
    template: 'The attempted operation is not supported for the type of object referenced',
    origin: 'windows',
  },
  { id: 'SystemOperationNotSupported', language: 'zh-CN', template: '参考的对象类型不支持尝试的操作。', origin: 'windows' },
]
