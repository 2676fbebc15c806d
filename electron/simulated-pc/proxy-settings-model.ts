import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'
import { encodeWinHttpSettings } from './winhttp-settings'

/**
 * What the `proxy-settings` probe reads (docs/knowledge/wsl-checks.md#autoproxy, docs/knowledge/probes.md#proxy-settings, docs/knowledge/host-causes.md#localhost-proxy): the user's WinINET values
 * and the machine's raw `WinHttpSettings` blob. A stock PC has `ProxyEnable` = 0 and no
 * `ProxyServer`/`AutoConfigURL`, and a direct-access `WinHttpSettings` (Windows writes it during
 * setup; Medium that it is always present). A WinHTTP proxy gets change counter 1.
 */
export function proxySettings(scenario: Scenario): FactOf<'proxy-settings'> {
  const winInet = scenario.network?.winInetProxy
  const winHttp = scenario.network?.winHttpProxy ?? null
  const blob = encodeWinHttpSettings(winHttp, winHttp === null ? 0 : 1)
  return {
    winInet: {
      proxyEnable: winInet?.enable ?? 0,
      proxyServer: winInet?.server ?? null,
      autoConfigUrl: winInet?.autoConfigUrl ?? null,
    },
    winHttpSettingsBase64: Buffer.from(blob).toString('base64'),
  }
}
