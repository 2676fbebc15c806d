import type { FindingId } from '../../../../shared/diagnosis/finding-ids'
import type { MachineSnapshot, UnknownReason } from '../../../../shared/machine/snapshot'
import type { ProbeId } from '../../../../shared/probes/probe-ids'

/** Areas of the check-up, each named in the UI as `checks.area.<id>`. */
export type CheckAreaId =
  | 'networking-mode'
  | 'wsl-install'
  | 'wslconfig'
  | 'services'
  | 'virtualization'
  | 'nat-network'
  | 'winsock'
  | 'vpn'
  | 'installed-products'
  | 'proxy'
  | 'dns-tunneling'
  | 'firewall'
  | 'host-networking'
  | 'host-dns'
  | 'inside-wsl'

/** An area of the check-up, named in the "Passed checks" list. */
export interface CheckArea {
  readonly id: CheckAreaId
  /** Facts the area's rules read: all of them must be known before the area can pass. */
  readonly probes: readonly ProbeId[]
  /** Findings the area's rules produce, plus findings that supersede (hide) one of them. */
  readonly findings: readonly FindingId[]
}

/**
 * Check areas, from the rules in `shared/diagnosis/rules/`. A finding that `diagnose.ts` drops
 * because a more specific one explains it (SUPERSEDES) is covered through the specific one, so a
 * hidden problem never makes its area look passed.
 */
export const CHECK_AREAS: readonly CheckArea[] = [
  {
    id: 'networking-mode',
    probes: ['windows-version', 'wslconfig-file', 'mirrored-readiness'],
    findings: [
      'mirrored-unsupported-windows',
      'mirrored-unsupported-server',
      'mirrored-ipv6-disabled',
      'mirrored-hyperv-firewall-unavailable',
      'mirrored-kernel-too-old',
      'mirrored-fell-back-unknown-cause',
      'networking-mode-set-by-policy',
    ],
  },
  { id: 'wsl-install', probes: ['wsl-install'], findings: ['wsl-not-installed', 'wsl-inbox-only', 'wsl-outdated'] },
  {
    id: 'wslconfig',
    probes: ['wslconfig-file'],
    findings: [
      'wslconfig-fails-to-load',
      'wslconfig-networking-key-ignored',
      'wslconfig-warnings',
      'wslconfig-encoding',
      'wslconfig-misnamed',
      'wslconfig-bridged-unsupported',
    ],
  },
  { id: 'services', probes: ['services'], findings: ['wsl-service-disabled', 'nat-ics-disabled', 'dns-client-disabled'] },
  { id: 'virtualization', probes: ['virtualization', 'windows-version'], findings: ['vmp-missing', 'virtualization-disabled', 'wsl-not-installed'] },
  {
    id: 'nat-network',
    probes: ['wsl-startup', 'events', 'network-adapters'],
    findings: [
      'nat-vmswitch-not-found',
      'nat-vmware-leftovers',
      'nat-hns-network-stale',
      'nat-ics-disabled',
      'nat-fell-back',
      'nat-creation-failed',
      'nat-dns-port-53-in-use',
      'wsl-service-disabled',
      'vmp-missing',
      'virtualization-disabled',
      'mirrored-unsupported-server',
      'wsl-not-installed',
    ],
  },
  { id: 'winsock', probes: ['winsock-catalog'], findings: ['winsock-lsp'] },
  { id: 'vpn', probes: ['network-adapters'], findings: ['vpn-detected'] },
  // vpn-detected names an installed VPN whose adapter is connected, so it counts here too.
  { id: 'installed-products', probes: ['installed-products'], findings: ['network-software-installed', 'vpn-detected'] },
  { id: 'proxy', probes: ['proxy-settings'], findings: ['localhost-proxy-not-mirrored'] },
  { id: 'dns-tunneling', probes: ['services'], findings: ['dns-tunneling-disabled-by-gsa'] },
  { id: 'firewall', probes: ['firewall-profiles', 'hyperv-firewall'], findings: ['firewall-blocks-wsl-dns', 'hyperv-firewall-blocks-outbound'] },
  { id: 'host-networking', probes: ['host-networking'], findings: ['hosts-file-too-large', 'port-tracker-fse'] },
  // The NRPT rule reads whether DNS tunneling is off from these too (shared/diagnosis/rules/host-dns-rules.ts).
  {
    id: 'host-dns',
    probes: ['host-dns', 'wslconfig-file', 'services', 'mirrored-readiness', 'wsl-install'],
    findings: ['nrpt-not-applied-in-wsl', 'dns-tunneling-disabled-by-gsa'],
  },
  // Only the check run inside the distro can pass this area: without consent it stays "not checked".
  {
    id: 'inside-wsl',
    probes: ['wsl-network-check'],
    findings: ['inside-no-network-interface', 'inside-dns-fails', 'inside-resolv-conf-not-wsl', 'inside-tls-intercepted', 'inside-localhost-broken'],
  },
]

/** A probe the scan could not read, and why (`not-run` when it has no entry at all). */
export interface UnknownProbe {
  readonly probe: ProbeId
  readonly reason: UnknownReason | 'not-run'
}

/** The check-up split into what passed, what could not be checked, and what is still being read. */
export interface CheckResults {
  readonly passed: readonly CheckArea[]
  readonly notChecked: readonly { readonly area: CheckArea; readonly unknown: readonly UnknownProbe[] }[]
  /** Areas with a probe of a running scan still to answer: neither passed nor failed yet. */
  readonly stillChecking: readonly { readonly area: CheckArea; readonly probes: readonly ProbeId[] }[]
}

/**
 * Passed = every probe of the area known and none of its findings present. An area with an
 * unknown probe is "not checked" (with the reasons), never passed; an area whose probe is still
 * running (`pending`) is "still checking"; an area with a finding is in none of the lists (its card
 * says what is wrong).
 */
export function checkResults(snapshot: MachineSnapshot, present: readonly FindingId[], pending: ReadonlySet<ProbeId> = new Set()): CheckResults {
  const passed: CheckArea[] = []
  const notChecked: { area: CheckArea; unknown: UnknownProbe[] }[] = []
  const stillChecking: { area: CheckArea; probes: ProbeId[] }[] = []
  for (const area of CHECK_AREAS) {
    if (area.findings.some((id) => present.includes(id))) continue
    const running = area.probes.filter((probe) => pending.has(probe))
    if (running.length > 0) {
      stillChecking.push({ area, probes: running })
      continue
    }
    const unknown = area.probes.flatMap((probe): UnknownProbe[] => {
      const entry = snapshot.facts[probe]
      if (entry === undefined) return [{ probe, reason: 'not-run' }]
      return entry.status === 'unknown' ? [{ probe, reason: entry.reason }] : []
    })
    if (unknown.length === 0) passed.push(area)
    else notChecked.push({ area, unknown })
  }
  return { passed, notChecked, stillChecking }
}
