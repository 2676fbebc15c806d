import type { Scenario } from '../../shared/scenarios/scenario'
import { formatWslMessage, type WslLanguage } from '../../shared/wsl-messages/messages'
import { servicesOf } from './default-services'
import { hypervisorRuns } from './windows-capabilities'
import { windowsSystemMessage } from './windows-system-messages'

/**
 * `{text}` + `Error code: {code}` as wsl.exe prints a fatal error, the label in the UI language
 * (MessageErrorCode; docs/knowledge/error-codes.md#anatomy-of-a-wsl-error). Returned as two printed lines.
 */
export function errorLines(text: string, code: string, language: WslLanguage): readonly string[] {
  const formatted = formatWslMessage('MessageErrorCode', language, [text, code])
  const cut = formatted.lastIndexOf('\n')
  return [formatted.slice(0, cut), formatted.slice(cut + 1)]
}

/**
 * Failures before WSL's service can run at all: WSLService disabled → 0x80070422, no VM, exit -1
 * (docs/knowledge/error-codes.md#hresult-table, docs/knowledge/error-codes.md#triage-bot-rules triage rule, #11501). The client prints the Windows system message; the `Wsl/` context
 * of a client-side failure follows #9802 (`Error code: Wsl/0x80070020`) (Medium). The service never
 * reads `.wslconfig`, so no config warnings precede it. Null when the service can start.
 */
export function serviceStartFailure(scenario: Scenario, language: WslLanguage): readonly string[] | null {
  if (scenario.wsl.kind !== 'store') return null
  const service = servicesOf(scenario).find((s) => s.name === 'WSLService')
  if (service === undefined || service.startType !== 'disabled') return null
  return errorLines(windowsSystemMessage('0x80070422', language), 'Wsl/0x80070422', language)
}

/**
 * Failures creating or booting the utility VM, after `.wslconfig` was read (docs/knowledge/error-codes.md#hresult-table, docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/host-causes.md#virtualization-off):
 * - no hypervisor (VMP/Hyper-V off, firmware virtualization off, `hypervisorlaunchtype off`) →
 *   MessageEnableVirtualization + `HCS_E_HYPERV_NOT_INSTALLED` (High for the text, docs/knowledge/error-codes.md#hresult-table; Medium that
 *   a disabled VMP on Home gives this rather than 0x80370102);
 * - vmcompute missing while the hypervisor runs (VMP broken by an update, #10755) → 0x80070424 (Low
 *   for the context path);
 * - a Winsock LSP that intercepts AF_HYPERV sockets → 0x8007273d (docs/knowledge/host-causes.md#winsock-lsp, Medium; the context path is
 *   not in the KB: Low);
 * - the DNS Client (Dnscache) disabled → `Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x80070426`
 *   with "The service has not been started." (microsoft/WSL#8781, zh-CN text from there; en from
 *   #7669; docs/knowledge/host-network-probes.md#dns-client). Reported for NAT; that mirrored mode
 *   fails the same way, and that it fails before any mirrored-mode warning, is Low.
 */
export function vmStartFailure(scenario: Scenario, language: WslLanguage): readonly string[] | null {
  if (!hypervisorRuns(scenario)) {
    return errorLines(
      formatWslMessage('MessageEnableVirtualization', language, []),
      'Wsl/Service/CreateInstance/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED',
      language,
    )
  }
  if (!servicesOf(scenario).some((s) => s.name === 'vmcompute' && s.exists)) {
    return errorLines(windowsSystemMessage('0x80070424', language), 'Wsl/Service/CreateInstance/CreateVm/HCS/0x80070424', language)
  }
  if ((scenario.network?.lsps ?? []).some((lsp) => lsp.breaksHyperVSockets === true)) {
    return errorLines(windowsSystemMessage('0x8007273d', language), 'Wsl/Service/CreateInstance/0x8007273d', language)
  }
  if (servicesOf(scenario).some((s) => s.name === 'Dnscache' && s.exists && s.startType === 'disabled')) {
    return errorLines(windowsSystemMessage('0x80070426', language), 'Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x80070426', language)
  }
  return null
}
