import { z } from 'zod'

/**
 * The proxy settings WSL's autoProxy mirrors (docs/knowledge/wsl-checks.md#autoproxy, docs/knowledge/probes.md#proxy-settings, docs/knowledge/host-causes.md#localhost-proxy).
 *
 * - WinINET (per user): `HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings`
 *   `ProxyEnable`, `ProxyServer`, `AutoConfigURL` — a `127.0.0.1:7890`-style proxy (Clash, v2rayN)
 *   causes the "localhost proxy … not mirrored" warning in NAT mode.
 * - WinHTTP (machine): the raw `WinHttpSettings` value under
 *   `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections`, base64;
 *   decoded in `shared/` so no localized `netsh` text is parsed.
 */
export const ProxySettingsFact = z.object({
  winInet: z.object({
    proxyEnable: z.number().int().nullable(),
    proxyServer: z.string().nullable(),
    autoConfigUrl: z.string().nullable(),
  }),
  winHttpSettingsBase64: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .nullable(),
})
export type ProxySettingsFact = z.infer<typeof ProxySettingsFact>
