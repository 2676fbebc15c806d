import { z } from 'zod'

/**
 * Winsock catalog entries (docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/error-codes.md#hresult-table 0x8007273d): a third-party layered service
 * provider can intercept WSL's AF_HYPERV sockets. Read from the registry catalog
 * (`Services\WinSock2\Parameters\Protocol_Catalog9\Catalog_Entries[64]`, `PackedCatalogItem`:
 * the provider DLL path comes first, ANSI, NUL-terminated) instead of localized `netsh` output.
 */
export const WinsockCatalogFact = z.object({
  entries: z.array(
    z.object({
      catalog: z.enum(['protocol64', 'protocol32', 'namespace64', 'namespace32']),
      providerPath: z.string(),
      /** Protocol chain length: 1 = base provider, > 1 = layered chain, 0 = layered provider. */
      chainLength: z.number().int().nullable(),
    }),
  ),
})
export type WinsockCatalogFact = z.infer<typeof WinsockCatalogFact>
