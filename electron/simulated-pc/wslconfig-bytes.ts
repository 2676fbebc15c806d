import type { Scenario } from '../../shared/scenarios/scenario'
import { parseWslConfig } from '../../shared/wslconfig/parse'

/** The `.wslconfig` bytes on the simulated disk, in the scenario's encoding and line ends. */
export function wslconfigBytes(config: NonNullable<Scenario['wslconfig']>): Uint8Array {
  const text = config.text.replace(/\r?\n/g, config.lineEnding === 'crlf' ? '\r\n' : '\n')
  switch (config.encoding) {
    case 'utf8':
      return new Uint8Array(Buffer.from(text, 'utf8'))
    case 'utf8-bom':
      return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))
    case 'utf16le':
      return new Uint8Array(Buffer.from(text, 'utf16le'))
    case 'utf16le-bom':
      return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
  }
}

export function wslconfigPath(scenario: Scenario): string {
  return `${scenario.userProfile.replace(/\\$/, '')}\\.wslconfig`
}

/** The `.wslconfig` values WSL stores on this PC (`wsl2.networkingMode`…), empty without a file (docs/knowledge/wslconfig.md). */
export function wslconfigValues(scenario: Scenario): Readonly<Record<string, string>> {
  return scenario.wslconfig ? parseWslConfig(wslconfigBytes(scenario.wslconfig)).values : {}
}
