import { service } from '../../diagnosis/derived'
import type { FixId } from '../../diagnosis/fix-ids'
import type { FindingId } from '../../diagnosis/finding-ids'
import type { MachineView } from '../../diagnosis/machine-view'
import { policyKeepsDisabled } from '../../diagnosis/service-start-owner'
import type { FixDefinition, Unavailable } from '../fix-definition'
import type { PlannedStep } from '../fix-plan'
import { step, wslShutdownStep } from '../steps'

/**
 * Fixes that change Windows (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#delete-wsl-hns-network, docs/knowledge/fixes.md#the-fix-ladder, docs/knowledge/host-causes.md#ics-disabled, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry, docs/knowledge/host-causes.md#vmware-leftovers, docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode, docs/knowledge/error-codes.md#triage-bot-rules): each step
 * is one specific script; elevated steps of a phase run behind one UAC prompt.
 */
function fix(id: FixId, addresses: readonly FindingId[], unavailable: (view: MachineView) => Unavailable | null, plan: FixDefinition['plan']): FixDefinition {
  return { id, addresses, unavailable, plan }
}

const always = () => null

function adminOnly(view: MachineView): Unavailable | null {
  return view.windows.known ? null : { key: 'unavailable.windowsUnknown' }
}

/**
 * A disabled service can be set back, unless a Group Policy keeps it disabled: Windows would undo
 * the change at the next policy refresh (docs/knowledge/host-network-probes.md#who-set-a-start-type).
 */
function reEnable(view: MachineView, name: 'WSLService' | 'SharedAccess'): Unavailable | null {
  if (service(view, name)?.startType !== 'disabled') return { key: 'unavailable.notDisabled', args: { service: name } }
  if (policyKeepsDisabled(view, name)) return { key: 'unavailable.managedByOrganisation', args: { service: name } }
  return null
}

function serviceStep(name: 'WSLService' | 'SharedAccess', startType: 'manual'): PlannedStep {
  return step('service-start-type', { name, startType }, { key: 'step.service-start-type', args: { service: name } })
}

function featureStep(feature: 'VirtualMachinePlatform', enable: boolean): PlannedStep {
  return enable
    ? step('set-feature', { feature, enable }, { key: 'step.enable-feature', args: { feature } })
    : step('set-feature', { feature, enable }, { key: 'step.disable-feature', args: { feature } })
}

export const systemFixes: readonly FixDefinition[] = [
  fix('wsl-shutdown', ['nat-fell-back', 'nat-ics-disabled', 'wslconfig-networking-key-ignored'], always, () => ({
    phases: [{ steps: [wslShutdownStep()], rebootAfter: false }],
    reversibility: { kind: 'self-healing', key: 'reversible.restartWsl' },
    affects: ['docker-desktop', 'vscode-remote'],
    verifyProbes: ['wsl-startup'],
  })),
  fix('wsl-update', ['wsl-outdated', 'wsl-inbox-only', 'nat-vmswitch-not-found', 'mirrored-fell-back-unknown-cause'], always, () => ({
    phases: [{ steps: [step('wsl-update', { preRelease: false }, { key: 'step.wsl-update', args: {} })], rebootAfter: false }],
    reversibility: { kind: 'manual', key: 'reversible.wslUpdate' },
    affects: ['docker-desktop', 'vscode-remote'],
    verifyProbes: ['wsl-install', 'wsl-startup'],
  })),
  fix('wsl-update-prerelease', ['nat-vmswitch-not-found'], always, () => ({
    phases: [
      {
        steps: [step('wsl-update', { preRelease: true }, { key: 'step.wsl-update-prerelease', args: {} })],
        rebootAfter: false,
      },
    ],
    reversibility: { kind: 'manual', key: 'reversible.wslUpdate' },
    affects: ['docker-desktop', 'vscode-remote'],
    verifyProbes: ['wsl-install', 'wsl-startup'],
  })),
  fix(
    'enable-wslservice',
    ['wsl-service-disabled'],
    (view) => adminOnly(view) ?? reEnable(view, 'WSLService'),
    () => ({
      phases: [{ steps: [serviceStep('WSLService', 'manual')], rebootAfter: false }],
      reversibility: { kind: 'undoable' },
      verifyProbes: ['services', 'wsl-startup'],
    }),
  ),
  fix(
    'enable-sharedaccess',
    ['nat-ics-disabled'],
    (view) => adminOnly(view) ?? reEnable(view, 'SharedAccess'),
    () => ({
      phases: [{ steps: [wslShutdownStep(), serviceStep('SharedAccess', 'manual')], rebootAfter: false }],
      reversibility: { kind: 'undoable' },
      affects: ['docker-desktop', 'vscode-remote'],
      verifyProbes: ['services', 'wsl-startup'],
    }),
  ),
  fix(
    'remove-ipv6-disabled-components',
    ['mirrored-ipv6-disabled'],
    (view) => adminOnly(view) ?? (view.readiness.known && view.readiness.value.ipv6DisabledComponents !== null ? null : { key: 'unavailable.nothingToChange' }),
    () => ({
      phases: [
        {
          steps: [step('remove-ipv6-disabled-components', {}, { key: 'step.remove-ipv6-disabled-components', args: {} })],
          rebootAfter: true,
        },
      ],
      reversibility: { kind: 'undoable' },
      verifyProbes: ['mirrored-readiness', 'wsl-startup'],
    }),
  ),
  fix(
    'enable-hyperv-firewall',
    ['mirrored-hyperv-firewall-unavailable'],
    (view) => adminOnly(view) ?? (view.readiness.known && view.readiness.value.hyperVFirewallDisable === 1 ? null : { key: 'unavailable.nothingToChange' }),
    () => ({
      phases: [
        {
          steps: [wslShutdownStep(), step('remove-hyperv-firewall-disable', {}, { key: 'step.remove-hyperv-firewall-disable', args: {} })],
          rebootAfter: false,
        },
      ],
      reversibility: { kind: 'undoable' },
      affects: ['docker-desktop', 'vscode-remote'],
      verifyProbes: ['mirrored-readiness', 'wsl-startup'],
    }),
  ),
  fix(
    'delete-wsl-hns-network',
    ['nat-vmswitch-not-found', 'nat-hns-network-stale', 'nat-fell-back', 'nat-creation-failed', 'nat-vmware-leftovers'],
    adminOnly,
    () => ({
      phases: [
        {
          steps: [wslShutdownStep(), step('delete-wsl-hns-network', {}, { key: 'step.delete-wsl-hns-network', args: {} })],
          rebootAfter: false,
        },
      ],
      reversibility: { kind: 'self-healing', key: 'reversible.hnsRecreated' },
      affects: ['docker-desktop', 'vscode-remote'],
      verifyProbes: ['events', 'wsl-startup'],
    }),
  ),
  fix('reboot', ['nat-hns-network-stale', 'mirrored-fell-back-unknown-cause', 'nat-vmswitch-not-found'], always, () => ({
    phases: [{ steps: [], rebootAfter: true }],
    reversibility: { kind: 'self-healing', key: 'reversible.reboot' },
    verifyProbes: ['services', 'events', 'wsl-startup'],
  })),
  fix(
    'enable-vmp',
    ['vmp-missing', 'wsl-not-installed'],
    (view) =>
      adminOnly(view) ??
      (view.virtualization.known && view.virtualization.value.features['VirtualMachinePlatform'] === 'Enabled'
        ? { key: 'unavailable.alreadyEnabled', args: { feature: 'VirtualMachinePlatform' } }
        : null),
    () => ({
      phases: [{ steps: [featureStep('VirtualMachinePlatform', true)], rebootAfter: true }],
      reversibility: { kind: 'manual', key: 'reversible.featureOff' },
      verifyProbes: ['virtualization', 'services', 'wsl-startup'],
    }),
  ),
  fix('hypervisor-launch-auto', ['virtualization-disabled'], adminOnly, () => ({
    phases: [
      {
        steps: [step('hypervisor-launch-auto', {}, { key: 'step.hypervisor-launch-auto', args: {} })],
        rebootAfter: true,
      },
    ],
    reversibility: { kind: 'manual', key: 'reversible.bcdedit' },
    verifyProbes: ['virtualization', 'wsl-startup'],
  })),
  fix(
    'toggle-vmp',
    ['nat-vmswitch-not-found', 'vmp-missing', 'nat-creation-failed'],
    (view) =>
      adminOnly(view) ??
      (view.virtualization.known && view.virtualization.value.features['VirtualMachinePlatform'] === 'Enabled' ? null : { key: 'unavailable.vmpNotEnabled' }),
    () => ({
      // #10054: disable → restart → enable → restart.
      phases: [
        { steps: [wslShutdownStep(), featureStep('VirtualMachinePlatform', false)], rebootAfter: true },
        { steps: [featureStep('VirtualMachinePlatform', true)], rebootAfter: true },
      ],
      reversibility: { kind: 'manual', key: 'reversible.featureToggle' },
      affects: ['docker-desktop', 'windows-sandbox', 'hyperv-vms'],
      verifyProbes: ['virtualization', 'services', 'events', 'wsl-startup'],
    }),
  ),
  fix(
    'vmware-cleanup',
    ['nat-vmware-leftovers'],
    (view) =>
      adminOnly(view) ??
      (view.adapters.known &&
      (view.adapters.value.vmwareClsidPresent || view.adapters.value.bindings.some((b) => b.componentId === 'vmware_bridge' && b.enabled))
        ? null
        : { key: 'unavailable.nothingToChange' }),
    () => ({
      phases: [
        {
          steps: [wslShutdownStep(), step('vmware-cleanup', {}, { key: 'step.vmware-cleanup', args: {} })],
          rebootAfter: true,
        },
      ],
      reversibility: { kind: 'manual', key: 'reversible.vmwareReinstall' },
      affects: ['vmware'],
      verifyProbes: ['network-adapters', 'events', 'wsl-startup'],
    }),
  ),
  fix('winsock-reset', ['winsock-lsp'], adminOnly, () => ({
    phases: [{ steps: [step('winsock-reset', {}, { key: 'step.winsock-reset', args: {} })], rebootAfter: true }],
    reversibility: { kind: 'none' },
    affects: ['lsp-vpn-software'],
    verifyProbes: ['winsock-catalog', 'wsl-startup'],
  })),
  fix(
    'remove-port-tracker',
    ['port-tracker-fse'],
    (view) =>
      adminOnly(view) ??
      (view.hostNetworking.known && view.hostNetworking.value.portTrackerEnabledMode !== null ? null : { key: 'unavailable.nothingToChange' }),
    () => ({
      phases: [
        {
          steps: [step('remove-port-tracker', {}, { key: 'step.remove-port-tracker', args: {} })],
          rebootAfter: true,
        },
      ],
      reversibility: { kind: 'undoable' },
      verifyProbes: ['host-networking'],
    }),
  ),
  fix(
    'wsl1-fallback',
    ['nat-vmswitch-not-found', 'nat-vmware-leftovers', 'nat-creation-failed', 'virtualization-disabled'],
    (view) => {
      if (!view.virtualization.known || view.virtualization.value.features['Microsoft-Windows-Subsystem-Linux'] !== 'Enabled')
        return { key: 'unavailable.wsl1ComponentMissing' }
      if (view.config.known && view.config.value?.policy?.['AllowWSL1'] === 0) return { key: 'unavailable.wsl1Policy' }
      if (!view.wsl.known || (view.wsl.value.distros ?? []).length === 0) return { key: 'unavailable.noDistro' }
      return null
    },
    (view, options) => {
      const distros = view.wsl.known ? (view.wsl.value.distros ?? []) : []
      // Only a distribution the scan listed; the script checks again before converting it.
      const chosen = distros.find((d) => d.name === options.distro)
      const distro = chosen?.name ?? distros.find((d) => d.isDefault)?.name ?? distros[0]?.name ?? ''
      return {
        phases: [
          {
            steps: [
              step('wsl-export', { distro }, { key: 'step.wsl-export', args: { distro } }),
              step('wsl-set-version', { distro, version: 1 }, { key: 'step.wsl-set-version', args: { distro } }),
              step('wsl-set-default-version', { version: 1 }, { key: 'step.wsl-set-default-version', args: {} }),
            ],
            rebootAfter: false,
          },
        ],
        reversibility: { kind: 'manual', key: 'reversible.wsl1' },
        verifyProbes: ['wsl-install', 'wsl-startup'],
      }
    },
  ),
]
