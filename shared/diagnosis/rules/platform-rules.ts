import type { Finding } from '../finding'
import { windowsTermArgs } from '../../i18n/windows-terms'
import { hasCode, said, service } from '../derived'
import type { MachineView } from '../machine-view'
import { evidence, finding, outputSource, unknown, unknownFact, rule, type Rule } from './rule'
import { disabledServiceOwner } from './service-owner-evidence'

/**
 * What WSL 2 needs from Windows before any network exists: the WSL service, the Virtual Machine
 * Platform, and a running hypervisor (docs/knowledge/error-codes.md#hresult-table, docs/knowledge/error-codes.md#triage-bot-rules, docs/knowledge/probes.md#virtualization, docs/knowledge/probes.md#services, docs/knowledge/probes.md#virtualization, docs/knowledge/host-causes.md#virtualization-off).
 */
export const platformRules: readonly Rule[] = [
  rule(['services', 'wsl-startup', 'virtualization'], wslServiceRule),
  rule(['virtualization', 'services', 'windows-version', 'wsl-startup'], vmpRule),
  rule(['wsl-startup', 'virtualization'], virtualizationRule),
]

function errorLines(view: MachineView): string[] {
  return view.output.known ? view.output.value.lines.filter((l) => /Error code|0x[0-9a-f]{8}|HCS_E_|wsl\.exe --install|virtualiz/i.test(l)) : []
}

/** docs/knowledge/error-codes.md#hresult-table, docs/knowledge/error-codes.md#triage-bot-rules: WSLService disabled → 0x80070422 ("sc.exe config wslservice start= demand"). */
function wslServiceRule(view: MachineView): Finding[] {
  const wslService = service(view, 'WSLService')
  const disabled = wslService?.exists === true && wslService.startType === 'disabled'
  const code = hasCode(view, '0x80070422')
  const sharedAccessDisabled = service(view, 'SharedAccess')?.startType === 'disabled'
  // 0x80070422 also comes from a disabled SharedAccess inside NAT creation (docs/knowledge/host-causes.md#ics-disabled): that is icsRule's.
  const fromCode = code !== undefined && !code.networking && !sharedAccessDisabled
  if (!disabled && !fromCode) return []
  const owner = disabled ? disabledServiceOwner(view, 'WSLService') : { evidence: [], unknowns: [], fixes: [] }
  return [
    finding({
      id: 'wsl-service-disabled',
      severity: 'error',
      confidence: disabled ? 'high' : 'medium',
      evidence: [
        ...(disabled ? [evidence('ev.serviceDisabled', 'services', { service: 'WSLService' })] : []),
        ...(code ? [evidence('ev.code0x80070422', outputSource(view), { path: code.path })] : []),
        ...owner.evidence,
      ],
      unknowns: [...unknownFact(view.services, 'services', 'un.checkServices'), ...owner.unknowns],
      fixes: ['enable-wslservice', ...owner.fixes],
      wslSaid: errorLines(view),
    }),
  ]
}

/** docs/knowledge/wsl-checks.md#virtual-machine-platform-check, docs/knowledge/probes.md#virtualization: HNS and vmcompute exist, and (build < 22621 or vfpext exists). */
function vmpRule(view: MachineView): Finding[] {
  const vmpFeature = view.virtualization.known ? view.virtualization.value.features['VirtualMachinePlatform'] : undefined
  const featureOff = vmpFeature === 'Disabled' || vmpFeature === 'Absent'
  const missingServices = ['hns', 'vmcompute'].filter((name) => service(view, name)?.exists === false)
  const build = view.windows.known ? view.windows.value.build : null
  const vfpextMissing = build !== null && build >= 22621 && service(view, 'vfpext')?.exists === false
  const message = said(view, 'MessageVirtualMachinePlatformNotInstalled', 'MessageMissingOptionalComponents')
  const code = hasCode(view, '0x80070424')
  if (!featureOff && missingServices.length === 0 && !vfpextMissing && message.length === 0 && !code) return []
  return [
    finding({
      id: 'vmp-missing',
      severity: 'error',
      confidence: featureOff || missingServices.length > 0 || message.length > 0 ? 'high' : 'medium',
      evidence: [
        ...(featureOff
          ? [
              evidence('ev.featureOff', 'virtualization', {
                feature: 'VirtualMachinePlatform',
                ...windowsTermArgs('state', 'featureState', vmpFeature ?? 'absent'),
              }),
            ]
          : []),
        ...(missingServices.length > 0 ? [evidence('ev.servicesMissing', 'services', { services: missingServices.join(', ') })] : []),
        ...(vfpextMissing ? [evidence('ev.vfpextMissing', 'services')] : []),
        ...(message.length > 0 ? [evidence('ev.wslSaidVmp', outputSource(view))] : []),
        ...(code ? [evidence('ev.code0x80070424', outputSource(view), { path: code.path })] : []),
        ...(view.windows.known && view.windows.value.isHome ? [evidence('ev.homeUsesVmp', 'windows-version')] : []),
      ],
      unknowns: [...unknownFact(view.virtualization, 'virtualization', 'un.checkFeatures'), ...unknownFact(view.services, 'services', 'un.checkServices')],
      fixes: ['enable-vmp', 'reboot', 'toggle-vmp'],
      wslSaid: [...message.map((m) => m.text), ...errorLines(view)],
    }),
  ]
}

/** docs/knowledge/host-causes.md#virtualization-off, docs/knowledge/error-codes.md#hresult-table 0x80370102 / HCS_E_HYPERV_NOT_INSTALLED: no hypervisor (firmware VT off, launch type Off). */
function virtualizationRule(view: MachineView): Finding[] {
  const message = said(view, 'MessageEnableVirtualization')
  const code = hasCode(view, '0x80370102') ?? hasCode(view, 'HCS_E_HYPERV_NOT_INSTALLED')
  const v = view.virtualization.known ? view.virtualization.value : null
  const vmpOn = v?.features['VirtualMachinePlatform'] === 'Enabled'
  const noHypervisor = v !== null && vmpOn && v.hypervisorPresent === false
  if (message.length === 0 && !code && !noHypervisor) return []
  const isVm = v !== null && /virtual|vmware|kvm|qemu|parallels/i.test(`${v.model ?? ''} ${v.manufacturer ?? ''}`)
  // Unelevated, "hypervisor disabled at boot" shows only indirectly: the features are on and the
  // firmware allows virtualization (meaningful only while no hypervisor runs), yet none runs. The
  // boot setting itself needs admin to read: then it is said to be unknown, not guessed
  // (docs/knowledge/host-network-probes.md#hypervisor-off-at-boot).
  const offAtBoot = noHypervisor && v?.firmwareVirtualization === true
  const launchUnread = offAtBoot && v?.hypervisorLaunchType === null
  return [
    finding({
      id: 'virtualization-disabled',
      severity: 'error',
      confidence: 'high',
      evidence: [
        ...(noHypervisor ? [evidence('ev.noHypervisor', 'virtualization')] : []),
        ...(v?.firmwareVirtualization === false && v.hypervisorPresent === false ? [evidence('ev.firmwareVirtualizationOff', 'virtualization')] : []),
        ...(v?.hypervisorLaunchType && /off/i.test(v.hypervisorLaunchType)
          ? [evidence('ev.hypervisorLaunchOff', 'virtualization', { value: v.hypervisorLaunchType })]
          : []),
        ...(offAtBoot ? [evidence('ev.hypervisorOffAtBoot', 'virtualization')] : []),
        ...(isVm ? [evidence('ev.runsInVm', 'virtualization', { model: `${v?.manufacturer ?? ''} ${v?.model ?? ''}`.trim() })] : []),
        ...(message.length > 0 ? [evidence('ev.wslSaidVirtualization', outputSource(view))] : []),
        ...(code ? [evidence('ev.codeVirtualization', outputSource(view), { path: code.path, code: code.code })] : []),
      ],
      unknowns: [
        ...unknownFact(view.virtualization, 'virtualization', 'un.checkFeatures'),
        ...(launchUnread ? [unknown('un.hypervisorLaunchTypeUnread')] : []),
      ],
      fixes: ['firmware-virtualization', 'hypervisor-launch-auto', 'enable-vmp', 'reboot'],
      wslSaid: [...message.map((m) => m.text), ...errorLines(view)],
    }),
  ]
}
