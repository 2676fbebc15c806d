/**
 * Language-neutral keys for what an HRESULT means to WSL networking; the UI maps them to text.
 * Codes and meanings: docs/knowledge/error-codes.md#hresult-table (HRESULT table), docs/knowledge/error-codes.md#triage-bot-rules (triage rules), docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback (#11816).
 */
export type HresultMeaning =
  | 'wbem-not-found'
  | 'hcn-network-not-found'
  | 'hcn-request-unsupported'
  | 'hcn-degraded-operation'
  | 'hcn-ics-disabled'
  | 'hcn-address-invalid-or-reserved'
  | 'hcn-vfp-not-allowed'
  | 'service-disabled'
  | 'service-does-not-exist'
  | 'service-not-active'
  | 'service-not-found'
  | 'not-supported'
  | 'endpoint-mapper-not-registered'
  | 'rpc-server-unavailable'
  | 'rpc-call-failed'
  | 'virtualization-feature-missing'
  | 'hcs-invalid-json'
  | 'winsock-lsp-unsupported'
  | 'access-denied'
  | 'file-not-found'
  | 'vmp-required'
  | 'unspecified-failure'

/** One row of the docs/knowledge/error-codes.md#hresult-table table: the code, the name WSL may print instead, and what it means. */
export interface HresultInfo {
  /** `0x` + 8 lower-case hex digits. */
  readonly code: string
  /** Unsigned 32-bit value. */
  readonly value: number
  /** Symbolic name WSL may print instead of the hex code; null when it has none. */
  readonly name: string | null
  readonly meaning: HresultMeaning
}

const table: readonly HresultInfo[] = [
  info(0x80041002, 'WBEM_E_NOT_FOUND', 'wbem-not-found'),
  info(0x803b0001, 'HCN_E_NETWORK_NOT_FOUND', 'hcn-network-not-found'),
  info(0x803b0015, 'HCN_E_REQUEST_UNSUPPORTED', 'hcn-request-unsupported'),
  info(0x803b0017, 'HCN_E_DEGRADED_OPERATION', 'hcn-degraded-operation'),
  info(0x803b002a, 'HCN_E_ICS_DISABLED', 'hcn-ics-disabled'),
  info(0x803b002f, 'HCN_E_ADDR_INVALID_OR_RESERVED', 'hcn-address-invalid-or-reserved'),
  info(0x803b0037, 'HCN_E_VFP_NOT_ALLOWED', 'hcn-vfp-not-allowed'),
  info(0x80070422, 'ERROR_SERVICE_DISABLED', 'service-disabled'),
  info(0x80070424, 'ERROR_SERVICE_DOES_NOT_EXIST', 'service-does-not-exist'),
  // Win32 1062: in ConfigureNetworking, the DNS Client (Dnscache) is not running (docs/knowledge/host-network-probes.md#dns-client).
  info(0x80070426, 'ERROR_SERVICE_NOT_ACTIVE', 'service-not-active'),
  // docs/knowledge/error-codes.md#hresult-table "0x800704db / vfpext": Win32 1243, "The specified service does not exist" (#10666).
  info(0x800704db, 'ERROR_SERVICE_NOT_FOUND', 'service-not-found'),
  info(0x80070032, 'ERROR_NOT_SUPPORTED', 'not-supported'),
  info(0x800706d9, 'EPT_S_NOT_REGISTERED', 'endpoint-mapper-not-registered'),
  info(0x800706ba, 'RPC_S_SERVER_UNAVAILABLE', 'rpc-server-unavailable'),
  info(0x800706be, 'RPC_S_CALL_FAILED', 'rpc-call-failed'),
  info(0x800706bf, 'RPC_S_CALL_FAILED_DNE', 'rpc-call-failed'),
  // docs/knowledge/error-codes.md#hresult-table lists 0x80370102 ("a required feature is not installed") and HCS_E_HYPERV_NOT_INSTALLED as
  // the same failure; winerror.h gives that name this value.
  info(0x80370102, 'HCS_E_HYPERV_NOT_INSTALLED', 'virtualization-feature-missing'),
  // Bridged mode on a PC that cannot attach WSL to the named switch (docs/knowledge/causes.md#bridged-on-windows-10).
  info(0x8037010d, 'HCS_E_INVALID_JSON', 'hcs-invalid-json'),
  info(0x8007273d, 'WSAEOPNOTSUPP', 'winsock-lsp-unsupported'),
  info(0x80070005, 'E_ACCESSDENIED', 'access-denied'),
  info(0x80070002, 'ERROR_FILE_NOT_FOUND', 'file-not-found'),
  info(0x8004032d, 'WSL_E_VIRTUAL_MACHINE_PLATFORM_REQUIRED', 'vmp-required'),
  // docs/knowledge/error-codes.md#hresult-table "0xffffffff / DNS timeouts": -1 with no specific cause (#10709, #11533).
  info(0xffffffff, null, 'unspecified-failure'),
]

/** All known codes, in docs/knowledge/error-codes.md#hresult-table order. */
export const knownHresults: readonly HresultInfo[] = table

/** Formats an HRESULT as WSL prints it: `0x` and 8 lower-case hex digits. */
export function formatHresult(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`
}

/**
 * Looks up a code from wsl.exe output: a hex string (`0x803B0015`, any case), a symbolic name WSL
 * printed instead (`E_ACCESSDENIED`), or a number (signed or unsigned). Null when unknown.
 */
export function lookupHresult(code: string | number): HresultInfo | null {
  if (typeof code === 'number') return table.find((entry) => entry.value === code >>> 0) ?? null
  const text = code.trim()
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return lookupHresult(Number.parseInt(text.slice(2), 16))
  return table.find((entry) => entry.name !== null && entry.name === text.toUpperCase()) ?? null
}

function info(value: number, name: string | null, meaning: HresultMeaning): HresultInfo {
  return { code: formatHresult(value), value: value >>> 0, name, meaning }
}
