/**
 * `netsh winsock show catalog`: one block per "Winsock Catalog Provider Entry", each with a
 * `Provider Path:` (`%SystemRoot%\system32\mswsock.dll`) and `Protocol Chain Length:` (1 = base
 * provider, otherwise layered) — the same two things the winsock-catalog probe reads from the
 * registry catalog. The labels are English in the outputs found (moby/moby#27423, microsoft/WSL#40110);
 * a DLL path is recognised in any language (it is the only `…\x.dll` value of a block), the chain
 * length only under its English label, otherwise it stays unknown (null).
 */
export interface PastedWinsockEntry {
  readonly providerPath: string
  readonly chainLength: number | null
}

/** The dashed line netsh prints under each entry's title. */
const SEPARATOR = /^-{20,}\s*$/u
const DLL_VALUE = /[:：]\s*((?:%\w+%|[A-Za-z]:)\\[^:*?"<>|]{1,250}\.dll)\s*$/iu
const CHAIN = /^\s*Protocol Chain Length\s*:\s*(\d{1,2})\s*$/u

/** Null when the paste has no catalog block with a provider DLL path. */
export function pastedWinsockCatalog(lines: readonly string[]): PastedWinsockEntry[] | null {
  const entries: { providerPath: string; chainLength: number | null }[] = []
  let current: { providerPath: string | null; chainLength: number | null } | null = null
  const close = () => {
    if (current?.providerPath != null) entries.push({ providerPath: current.providerPath, chainLength: current.chainLength })
    current = null
  }
  for (const line of lines) {
    if (line.length > 400) continue
    if (SEPARATOR.test(line)) {
      close()
      current = { providerPath: null, chainLength: null }
      continue
    }
    if (current === null) continue
    const entry: { providerPath: string | null; chainLength: number | null } = current
    const dll = DLL_VALUE.exec(line)?.[1]
    if (dll !== undefined && entry.providerPath === null) entry.providerPath = dll
    const chain = CHAIN.exec(line)?.[1]
    if (chain !== undefined) entry.chainLength = Number.parseInt(chain, 10)
  }
  close()
  return entries.length === 0 ? null : entries
}
