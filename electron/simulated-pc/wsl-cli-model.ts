import { formatWslMessage, wslLanguageFor } from '../../shared/wsl-messages/messages'
import type { Scenario } from '../../shared/scenarios/scenario'
import { isAtLeast } from '../../shared/util/version'
import type { NativeEncoding } from './native-output'
import { serviceStartFailure } from './wsl-start-blockers'

/**
 * wsl.exe's own output encoding. The probes always set `WSL_UTF8=1`; Store WSL honours it from
 * 0.64 (docs/knowledge/wsl-checks.md#console-output-of-wsl; `WslClient::Main` checks `getenv("WSL_UTF8")` for exactly "1",
 * src/windows/common/WslClient.cpp), the inbox wsl.exe writes UTF-16LE without BOM whatever the
 * environment says.
 */
export function wslOutputEncoding(scenario: Scenario): NativeEncoding {
  const { kind, version } = scenario.wsl
  return kind === 'store' && version !== null && isAtLeast(version, '0.64.0') ? 'utf8' : 'utf16le'
}

/**
 * `wsl --version`: MessagePackageVersions in the UI language (labels are localized, #12486).
 * The inbox wsl.exe does not know `--version` and prints its usage with a non-zero exit (docs/knowledge/wsl-checks.md#console-output-of-wsl).
 */
export function wslVersionOutput(scenario: Scenario): { stdout: string; exitCode: number } {
  const { wsl, windows } = scenario
  if (wsl.kind !== 'store' || wsl.version === null) {
    return {
      stdout: 'Copyright (c) Microsoft Corporation. All rights reserved.\n\nUsage: wsl.exe [Argument] [Options...] [CommandLine]\n',
      exitCode: -1,
    }
  }
  const text = formatWslMessage('MessagePackageVersions', wslLanguageFor(windows.uiCulture), [
    wsl.version,
    wsl.kernelVersion ?? '',
    wsl.wslgVersion ?? '',
    '1.2.5716',
    '1.611.1-81528511',
    '10.0.26100.1-240331-1435.ge-release',
    `10.0.${windows.currentBuild}.${windows.ubr}`,
  ])
  return { stdout: `${text}\n`, exitCode: 0 }
}

/**
 * `wsl --list --verbose`: header and states are not localized (docs/knowledge/wsl-checks.md#console-output-of-wsl); `*` marks the default. Needs
 * WSLService: when it is disabled the listing fails with the same 0x80070422 error as a start (docs/knowledge/error-codes.md#hresult-table).
 */
export function wslListOutput(scenario: Scenario): { stdout: string; exitCode: number } {
  const { distros } = scenario.wsl
  const blocked = serviceStartFailure(scenario, wslLanguageFor(scenario.windows.uiCulture))
  if (blocked !== null) return { stdout: blocked.map((l) => `${l}\n`).join(''), exitCode: -1 }
  if (distros.length === 0) {
    return {
      stdout:
        "Windows Subsystem for Linux has no installed distributions.\nYou can resolve this by installing a distribution with the instructions below:\n\nUse 'wsl.exe --list --online' to list available distributions\nand 'wsl.exe --install <Distro>' to install.\n",
      exitCode: -1,
    }
  }
  const width = Math.max(4, ...distros.map((d) => d.name.length)) + 4
  const rows = distros.map((d) => `${d.default ? '*' : ' '} ${d.name.padEnd(width)}${(d.running ? 'Running' : 'Stopped').padEnd(16)}${d.version}`)
  return { stdout: [`  ${'NAME'.padEnd(width)}${'STATE'.padEnd(16)}VERSION`, ...rows, ''].join('\n'), exitCode: 0 }
}
