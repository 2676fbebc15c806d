import { isAtLeast } from '../../util/version'
import type { Finding } from '../finding'
import type { MachineView } from '../machine-view'
import { evidence, finding, rule, type Rule } from './rule'

/** How WSL is installed (docs/knowledge/wsl-checks.md#wsl-versions-that-changed-networking, docs/knowledge/wsl-checks.md#minimum-windows-for-wsl-2, docs/knowledge/wsl-checks.md#console-output-of-wsl). */
export const installRules: readonly Rule[] = [rule(['wsl-install'], installRule)]

function installRule(view: MachineView): Finding[] {
  if (!view.wsl.known) return []
  const wsl = view.wsl.value
  switch (wsl.kind) {
    case 'absent':
      return [
        finding({
          id: 'wsl-not-installed',
          severity: 'error',
          confidence: 'high',
          evidence: [evidence('ev.wslAbsent', 'wsl-install')],
          fixes: ['enable-vmp', 'wsl-update'],
        }),
      ]
    case 'inbox':
      // The inbox component has no `wsl --version`, no .wslconfig networking keys, no fallbacks (docs/knowledge/wsl-checks.md#minimum-windows-for-wsl-2, docs/knowledge/wsl-checks.md#console-output-of-wsl).
      return [
        finding({ id: 'wsl-inbox-only', severity: 'warning', confidence: 'high', evidence: [evidence('ev.wslInbox', 'wsl-install')], fixes: ['wsl-update'] }),
      ]
    case 'store': {
      const version = wsl.version ?? '0'
      if (isAtLeast(version, '2.3.25')) return []
      return [
        finding({
          id: 'wsl-outdated',
          severity: 'info',
          confidence: 'high',
          evidence: [
            evidence('ev.wslVersion', 'wsl-install', { version }),
            ...(!isAtLeast(version, '2.2.2') ? [evidence('ev.wslBefore222', 'wsl-install')] : []),
            evidence('ev.wslBefore2325', 'wsl-install'),
          ],
          fixes: ['wsl-update'],
          args: { version },
        }),
      ]
    }
  }
}
