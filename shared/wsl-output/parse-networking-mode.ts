import { wslMessageTemplate } from '../wsl-messages/messages'
import { wslLanguages } from './message-catalog'
import { normalizeWslText } from './text'

/** What `wslinfo --networking-mode` prints (docs/knowledge/probes.md#wsl-startup, docs/knowledge/wsl-checks.md#virtioproxy-and-consomme). */
export type NetworkingMode = 'nat' | 'mirrored' | 'bridged' | 'virtioproxy' | 'consomme' | 'none' | 'wsl1'

const MODES: readonly NetworkingMode[] = ['nat', 'mirrored', 'bridged', 'virtioproxy', 'consomme', 'none', 'wsl1']

/**
 * The effective networking mode from `wsl.exe -d <distro> -e wslinfo --networking-mode` output
 * (docs/knowledge/probes.md#wsl-startup). `consomme` is what 2.9+ prints for the mode older versions call `virtioproxy` (docs/knowledge/wsl-checks.md#virtioproxy-and-consomme); both
 * are returned as printed. Startup warnings (`wsl: …`) may come first, so the last line that is
 * exactly a mode wins. Null when wslinfo printed MessageFailedToQueryNetworkingMode (any
 * language), was missing, or printed anything else.
 */
export function parseNetworkingMode(text: string): NetworkingMode | null {
  const lines = normalizeWslText(text)
    .split('\n')
    .map((line) => line.trim())
  const failures = wslLanguages.map((language) => wslMessageTemplate('MessageFailedToQueryNetworkingMode', language).toLowerCase())
  if (lines.some((line) => failures.some((failure) => line.toLowerCase().includes(failure)))) return null
  const modes = lines.map((line) => MODES.find((mode) => mode === line.toLowerCase())).filter((mode) => mode !== undefined)
  return modes.at(-1) ?? null
}
