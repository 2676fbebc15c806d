/**
 * TEST SUPPORT for the installed-products probe: the three Uninstall keys as the registry provider
 * exposes them (docs/knowledge/installed-products.md#what-is-read): `Test-Path` on each key,
 * `Get-ChildItem` listing its subkeys (PSChildName / PSPath), `Get-ItemProperty -LiteralPath` on
 * each subkey with its REG_SZ values. Recorded cases in
 * electron/probes/scripts/__recorded__/installed-products/ state each key this way.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { UninstallHive } from '../../../shared/probes/facts/installed-products'
import type { Scenario } from '../../../shared/scenarios/scenario'
import { installedProducts } from '../../simulated-pc/installed-products-model'
import type { FakeRule, FakeWindows } from './pwsh-harness'

const UNINSTALL = 'SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall'
/** Each hive's key, as the script names it and as the registry provider writes its PSPath. */
export const UNINSTALL_KEYS: Readonly<Record<UninstallHive, { readonly path: string; readonly provider: string }>> = {
  machine: { path: `HKLM:\\${UNINSTALL}`, provider: `HKEY_LOCAL_MACHINE\\${UNINSTALL}` },
  machine32: {
    path: 'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
    provider: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall',
  },
  user: { path: `HKCU:\\${UNINSTALL}`, provider: `HKEY_CURRENT_USER\\${UNINSTALL}` },
}

/** One subkey: its name (a product code GUID or a product name) and the values it holds (absent = not set). */
export interface UninstallEntry {
  readonly subkey: string
  readonly values: Readonly<Record<string, string>>
}

/** A key's state: its subkeys, absent, or listing it fails. */
export type UninstallKeyState = readonly UninstallEntry[] | 'missing' | 'unreadable'

const ACCESS_DENIED = {
  errorId: 'System.Security.SecurityException,Microsoft.PowerShell.Commands.GetChildItemCommand',
  message: 'Requested registry access is not allowed.',
  category: 'PermissionDenied',
}

/** The Test-Path / Get-ChildItem / Get-ItemProperty rules of the three keys (a hive left out is missing). */
export function uninstallRegistry(keys: Partial<Record<UninstallHive, UninstallKeyState>>, source: string | readonly string[]): FakeWindows {
  const testPath: FakeRule[] = []
  const children: FakeRule[] = []
  const items: FakeRule[] = []
  for (const hive of Object.keys(UNINSTALL_KEYS) as UninstallHive[]) {
    const key = UNINSTALL_KEYS[hive]
    const state = keys[hive] ?? 'missing'
    testPath.push({ match: { LiteralPath: key.path }, result: state !== 'missing' })
    if (state === 'missing') continue
    if (state === 'unreadable') {
      children.push({ match: { LiteralPath: key.path }, throw: ACCESS_DENIED })
      continue
    }
    const kids = state.map((entry) => ({ PSChildName: entry.subkey, PSPath: `Microsoft.PowerShell.Core\\Registry::${key.provider}\\${entry.subkey}` }))
    children.push({ match: { LiteralPath: key.path }, result: kids })
    state.forEach((entry, i) => items.push({ match: { LiteralPath: kids[i]!.PSPath }, result: { PSChildName: entry.subkey, ...entry.values } }))
  }
  return { source, commands: { 'Test-Path': { rules: testPath }, 'Get-ChildItem': { rules: children }, 'Get-ItemProperty': { rules: items } } }
}

const RECORDED_DIR = join(__dirname, '..', '..', 'probes', 'scripts', '__recorded__', 'installed-products')

/** A recorded case: the keys and what the probe must return. */
export interface RecordedUninstall {
  readonly source: readonly string[]
  readonly keys: Partial<Record<UninstallHive, UninstallKeyState>>
  readonly expected: unknown
}

export function loadRecordedUninstall(name: string): RecordedUninstall {
  return JSON.parse(readFileSync(join(RECORDED_DIR, `${name}.json`), 'utf8')) as RecordedUninstall
}

const SCENARIO_SOURCE = 'shared/scenarios/*.json through electron/simulated-pc (the simulated PC), stated as Windows exposes it'

/** The scenario's programs as Uninstall subkeys (named by position: the script does not read the name). */
export function installedProductsFake(scenario: Scenario): FakeWindows {
  const fact = installedProducts(scenario)
  const entries = fact.programs.map((p, i) => {
    const values: Record<string, string> = { DisplayName: p.displayName }
    if (p.publisher !== null) values.Publisher = p.publisher
    if (p.displayVersion !== null) values.DisplayVersion = p.displayVersion
    return { hive: p.hive, entry: { subkey: `Product${i + 1}`, values } }
  })
  const keys: Partial<Record<UninstallHive, UninstallKeyState>> = {}
  for (const k of fact.keys) {
    keys[k.hive] = k.status === 'read' ? entries.filter((e) => e.hive === k.hive).map((e) => e.entry) : k.status
  }
  return uninstallRegistry(keys, SCENARIO_SOURCE)
}
