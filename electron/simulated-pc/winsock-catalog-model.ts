import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'

type Entry = FactOf<'winsock-catalog'>['entries'][number]
type Catalog = Entry['catalog']

/**
 * `%SystemRoot%` of the simulated PCs. The probe expands the variables (REG_EXPAND_SZ namespace
 * paths arrive expanded from Get-ItemProperty; the packed protocol paths are expanded by the
 * script), so the simulated catalog holds expanded paths too.
 */
export const SYSTEM_ROOT = 'C:\\Windows'

const expand = (path: string) => path.replace(/%SystemRoot%/gi, SYSTEM_ROOT)

/** As stored in the catalog (netsh shows it so: `Provider Path: %SystemRoot%\system32\mswsock.dll`). */
export const MSWSOCK_STORED = '%SystemRoot%\\system32\\mswsock.dll'

/**
 * Base protocol providers of a stock Windows 10/11 catalog, all `mswsock.dll` (TCP/UDP/RAW over IPv4
 * and IPv6, AF_UNIX, Hyper-V RAW, RSVP, Bluetooth): `netsh winsock show catalog` on a clean PC
 * (Medium for the exact count; only non-Microsoft DLLs matter to the rules, docs/knowledge/host-causes.md#winsock-lsp).
 */
const BASE_PROTOCOLS = 11

/** Stock namespace providers (NLA, Tcpip DNS, NTDS, Bluetooth, PNRP, e-mail shim). */
export const NAMESPACE_PROVIDERS_STORED = [
  '%SystemRoot%\\system32\\napinsp.dll',
  '%SystemRoot%\\system32\\pnrpnsp.dll',
  '%SystemRoot%\\system32\\pnrpnsp.dll',
  '%SystemRoot%\\system32\\NLAapi.dll',
  '%SystemRoot%\\System32\\mswsock.dll',
  '%SystemRoot%\\System32\\winrnr.dll',
  '%SystemRoot%\\system32\\wshbth.dll',
]

/** Protocols an LSP typically layers over: TCP/IP, UDP/IP, TCP/IPv6, UDP/IPv6 (chain length 2). */
const LAYERED_CHAINS = 4

function catalog(kind: 'protocol' | 'namespace', bits: '64' | '32'): Catalog {
  return `${kind}${bits}`
}

/**
 * What the `winsock-catalog` probe reads from `Protocol_Catalog9` / `NameSpace_Catalog5`
 * (docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/error-codes.md#hresult-table 0x8007273d): the stock Microsoft providers in both the 64- and
 * 32-bit catalogs, plus, for each third-party LSP the scenario lists, its layered entry
 * (chain length 0) and one chain per base protocol it layers over (chain length 2), each pointing
 * at the LSP's DLL — how an installed LSP appears in `netsh winsock show catalog`.
 */
export function winsockCatalog(scenario: Scenario): FactOf<'winsock-catalog'> {
  // The probe reads the catalogs in this order: protocol64, protocol32, namespace64, namespace32.
  const entries: Entry[] = []
  for (const bits of ['64', '32'] as const) {
    for (const lsp of scenario.network?.lsps ?? []) {
      entries.push({ catalog: catalog('protocol', bits), providerPath: lsp.path, chainLength: 0 })
      for (let i = 0; i < LAYERED_CHAINS; i++) {
        entries.push({ catalog: catalog('protocol', bits), providerPath: lsp.path, chainLength: 2 })
      }
    }
    for (let i = 0; i < BASE_PROTOCOLS; i++) {
      entries.push({ catalog: catalog('protocol', bits), providerPath: expand(MSWSOCK_STORED), chainLength: 1 })
    }
  }
  for (const bits of ['64', '32'] as const) {
    for (const path of NAMESPACE_PROVIDERS_STORED) {
      entries.push({ catalog: catalog('namespace', bits), providerPath: expand(path), chainLength: null })
    }
  }
  return { entries }
}
