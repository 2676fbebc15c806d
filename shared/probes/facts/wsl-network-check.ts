import { z } from 'zod'
import { NativeOutput } from './native-output'

/**
 * A distro name as `wsl.exe -d` takes it. WSL registers only names matching `^[a-zA-Z0-9._-]{1,256}$`
 * (docs/knowledge/wsl-network-check.md#distro-names); anything else is refused before wsl.exe runs.
 */
export const DISTRO_NAME_PATTERN = /^[A-Za-z0-9._-]{1,256}$/

/**
 * What happened when the probe tried to reach, from Windows, the listener the script opened on
 * 127.0.0.1 inside Linux (localhost forwarding Windows → Linux). `not-checked` carries why:
 * Constrained Language Mode (no sockets in PowerShell), or the script could not listen.
 */
export const WindowsToLinux = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connected') }),
  z.object({ status: z.literal('failed') }),
  z.object({ status: z.literal('not-checked'), reason: z.enum(['constrained-language', 'not-run']) }),
])
export type WindowsToLinux = z.infer<typeof WindowsToLinux>

/**
 * The networking check run inside a WSL distro (docs/knowledge/wsl-network-check.md).
 *
 * Runs only with consent: `wsl.exe -d <distro> --exec sh -c <script>` boots the VM if it is
 * stopped. `run` is what the sh script printed (key=value lines, UTF-8 from Linux; wsl.exe's own
 * error on the same streams when the distro is absent): parsed in `shared/probes/network-check/`.
 * `windowsListener` is the TcpListener the probe opened on 127.0.0.1 for the Linux → Windows test
 * (null when it could not be opened) and whether a connection reached it.
 */
export const WslNetworkCheckFact = z.object({
  /** The distro asked for; null = the default distro. */
  distro: z.string().regex(DISTRO_NAME_PATTERN).nullable(),
  windowsListener: z.object({ port: z.number().int().min(1).max(65535), connectionSeen: z.boolean() }).nullable(),
  /** The port the script was asked to listen on inside Linux. */
  linuxListenerPort: z.number().int().min(1).max(65535),
  windowsToLinux: WindowsToLinux,
  run: NativeOutput,
})
export type WslNetworkCheckFact = z.infer<typeof WslNetworkCheckFact>
