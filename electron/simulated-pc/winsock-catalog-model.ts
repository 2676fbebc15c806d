import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'

type Entry = FactOf<'winsock-catalog'>['entries'][number]
type Catalog = Entry['catalog']

const MSWSOCK = '%SystemRoot%\\system32\\mswsock.dll'

/**
 * Base protocol providers of a stock Windows 10/11 catalog, all `mswsock.dll` (TCP/UDP/RAW over IPv4
 * and IPv6, AF_UNIX, Hyper-V RAW, RSVP, Bluetooth): `netsh winsock show catalog` on a clean PC
 * (Medium for the exact count; only non-Microsoft DLLs matter to the rules, F.12).
 */
const BASE_PROTOCOLS = 11

/** Stock namespace providers (NLA, Tcpip DNS, NTDS, Bluetooth, PNRP, e-mail shim). */
const NAMESPACE_PROVIDERS = [
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
  return `${kind}${bits}` as Catalog
}

/**
 * What the `winsock-catalog` probe reads from `Protocol_Catalog9` / `NameSpace_Catalog5`
 * (wsl-networking.md F.12, C.4 0x8007273d): the stock Microsoft providers in both the 64- and
 * 32-bit catalogs, plus, for each third-party LSP the scenario lists, its layered entry
 * (chain length 0) and one chain per base protocol it layers over (chain length 2), each pointing
 * at the LSP's DLL — how an installed LSP appears in `netsh winsock show catalog`.
 */
export function winsockCatalog(scenario: Scenario): FactOf<'winsock-catalog'> {
  const entries: Entry[] = []
  for (const bits of ['64', '32'] as const) {
    for (const lsp of scenario.network?.lsps ?? []) {
      entries.push({ catalog: catalog('protocol', bits), providerPath: lsp.path, chainLength: 0 })
      for (let i = 0; i < LAYERED_CHAINS; i++) {
        entries.push({ catalog: catalog('protocol', bits), providerPath: lsp.path, chainLength: 2 })
      }
    }
    for (let i = 0; i < BASE_PROTOCOLS; i++) {
      entries.push({ catalog: catalog('protocol', bits), providerPath: MSWSOCK, chainLength: 1 })
    }
    for (const path of NAMESPACE_PROVIDERS) {
      entries.push({ catalog: catalog('namespace', bits), providerPath: path, chainLength: null })
    }
  }
  return { entries }
}
