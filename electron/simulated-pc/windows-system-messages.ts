import type { WslLanguage } from '../../shared/wsl-messages/messages'

/** Win32/Winsock errors whose system text wsl.exe prints before `Error code:` (docs/knowledge/error-codes.md#anatomy-of-a-wsl-error). */
export type SystemErrorCode = '0x80070422' | '0x80070424' | '0x80070426' | '0x8007273d' | '0x8037010d'

/**
 * Windows' own text for an HRESULT (`FormatMessage`), which wsl.exe prints in the OS language
 * before the `Error code:` line (docs/knowledge/error-codes.md#anatomy-of-a-wsl-error). Only en-US and zh-CN are known here; other
 * languages fall back to English (Windows would localize them — a simulation limitation).
 *
 * Confidence: en-US High for 0x80070422 (docs/knowledge/error-codes.md#hresult-table quotes it), Medium for the others; zh-CN Medium for
 * 0x80070422 and Low for 0x80070424 / 0x8007273d (from memory of Windows' zh-CN resources, not the KB).
 * 0x8037010d has no sourced zh-CN text (docs/knowledge/causes.md#bridged-on-windows-10), so every language gets the English one.
 */
export function windowsSystemMessage(code: SystemErrorCode, language: WslLanguage): string {
  const chinese = language === 'zh-CN'
  switch (code) {
    case '0x80070422':
      return chinese
        ? '无法启动服务，原因可能是已被禁用或与其相关联的设备没有启动。'
        : 'The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.'
    case '0x80070424':
      return chinese ? '指定的服务未安装。' : 'The specified service does not exist as an installed service.'
    // High for both: printed verbatim in microsoft/WSL#7669 (en) and #8781 (zh-CN).
    case '0x80070426':
      return chinese ? '服务尚未启动。' : 'The service has not been started.'
    case '0x8007273d':
      return chinese ? '参考的对象类型不支持尝试的操作。' : 'The attempted operation is not supported for the type of object referenced.'
    // HCS_E_INVALID_JSON: the HCS HRESULT table's text; wsl.exe printed it with the period (microsoft/WSL#9218, MicrosoftDocs/WSL#1801).
    case '0x8037010d':
      return 'The virtual machine or container JSON document is invalid.'
  }
}
