import type { FixId } from '../diagnosis/fix-ids'
import type { ExternalLinkId } from '../security/external-links'

/**
 * How a "do this yourself" fix (a fix id the repair catalog cannot apply) gets the user there:
 * the Windows Settings page or Microsoft page to open, and/or the exact steps. `steps: 'how'`
 * means the fix's own text (`fix.<id>.how`) already is the exact steps; otherwise `guide.<id>`
 * in the repair messages holds them. No dead ends: `guidance.test.ts` fails for a guidance fix
 * without an entry here.
 */
export interface Guidance {
  readonly link?: ExternalLinkId
  readonly steps?: 'how' | 'guide'
}

export const GUIDANCE: Partial<Readonly<Record<FixId, Guidance>>> = {
  'wslconfig-rename-file': { steps: 'guide' },
  'windows-update': { link: 'settings-windows-update', steps: 'how' },
  'windows-feature-update': { link: 'settings-windows-update', steps: 'guide' },
  'policy-contact-it': { steps: 'guide' },
  'proxy-listen-on-lan': { link: 'settings-proxy', steps: 'how' },
  'firmware-virtualization': { link: 'doc-enable-virtualization', steps: 'how' },
  'remove-lsp': { link: 'settings-installed-apps', steps: 'how' },
  'network-reset': { link: 'settings-network-status', steps: 'guide' },
  'free-port-53': { steps: 'how' },
  'system-restore': { steps: 'guide' },
  'shrink-hosts-file': { steps: 'guide' },
  'firewall-allow-local-rules': { steps: 'guide' },
  'enable-dnscache': { steps: 'how' },
  'hyperv-firewall-allow-outbound': { steps: 'how' },
  'distro-restore-resolv-conf': { steps: 'how' },
  'distro-trust-proxy-ca': { steps: 'how' },
}

export function guidanceFor(fixId: FixId): Guidance | undefined {
  return GUIDANCE[fixId]
}
