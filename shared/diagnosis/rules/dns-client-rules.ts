import type { Finding } from '../finding'
import { hasCode, service } from '../derived'
import type { MachineView } from '../machine-view'
import { evidence, finding, outputSource, rule, unknownFact, type Rule } from './rule'
import { disabledServiceOwner } from './service-owner-evidence'

/**
 * The DNS Client (Dnscache) on the host (docs/knowledge/host-network-probes.md#dns-client): with it
 * disabled, WSL 2 stops in ConfigureNetworking with 0x80070426 "The service has not been started"
 * (microsoft/WSL#8781), and older builds with 0x800706ba (#5164). Hosts-file ad-block guides and
 * their scripts disable it (StevenBlack/hosts#2039, #1703).
 */
export const dnsClientRules: readonly Rule[] = [rule(['services', 'wsl-startup', 'virtualization'], dnsClientRule)]

function dnsClientRule(view: MachineView): Finding[] {
  const dns = service(view, 'Dnscache')
  const disabled = dns?.exists === true && dns.startType === 'disabled'
  const code = hasCode(view, '0x80070426')
  // 0x80070426 is ERROR_SERVICE_NOT_ACTIVE, any service's: in ConfigureNetworking it names the DNS
  // Client only while that is not known to run (a running Dnscache means another service).
  const fromCode = code !== undefined && code.networking && dns?.status !== 'Running'
  if (!disabled && !fromCode) return []
  const owner = disabled ? disabledServiceOwner(view, 'Dnscache') : { evidence: [], unknowns: [], fixes: [] }
  return [
    finding({
      id: 'dns-client-disabled',
      severity: 'error',
      confidence: disabled ? 'high' : 'medium',
      evidence: [
        ...(disabled ? [evidence('ev.serviceDisabled', 'services', { service: 'Dnscache' })] : []),
        ...(code ? [evidence('ev.code0x80070426', outputSource(view), { path: code.path })] : []),
        ...owner.evidence,
      ],
      unknowns: [...unknownFact(view.services, 'services', 'un.checkServices'), ...owner.unknowns],
      fixes: ['enable-dnscache', ...owner.fixes],
      wslSaid: codeLines(view),
    }),
  ]
}

/** The `Error code:` line with 0x80070426 and the system message wsl.exe prints just above it (docs/knowledge/error-codes.md#anatomy-of-a-wsl-error). */
function codeLines(view: MachineView): string[] {
  if (!view.output.known) return []
  const lines = view.output.value.lines
  return lines.flatMap((line, i) => (/0x80070426/i.test(line) ? [...(i > 0 ? [lines[i - 1] ?? ''] : []), line] : [])).filter((l) => l.trim() !== '')
}
