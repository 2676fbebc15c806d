import type { ProbeId } from '../../shared/probes/probe-ids'
import { singleQuotedAsciiLine } from '../powershell/ps-literal'

/**
 * Probes that run a POSIX sh script inside a distro, and the file beside their `.ps1` that holds
 * it. The script stays a real `.sh` file (run under dash by its own tests); the probe gets its text
 * as `$WndShellScript`, composed in here by both script catalogs, so it is embedded in the bundle
 * like every other script and never read from disk at run time.
 */
export const EMBEDDED_SHELL_SCRIPTS: Partial<Readonly<Record<ProbeId, string>>> = {
  'wsl-network-check': 'wsl-network-check.sh',
}

/**
 * The probe body with `$WndShellScript = <the sh text>` in front. Each line becomes a
 * single-quoted literal (ASCII only, `'` doubled: ps-literal.ts), joined with LF, so the text
 * arrives byte for byte in Full and in Constrained Language Mode without any decoding.
 */
export function embedShellScript(body: string, shellText: string): string {
  const lines = shellText.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')
  return [
    '# Embedded by electron/probes/embed-shell-script.ts: the sh script this probe runs in the distro.',
    '$WndShellScript = (@(',
    ...lines.map((line) => `  ${singleQuotedAsciiLine(line)}`),
    ') -join "`n") + "`n"',
    body,
  ].join('\n')
}
