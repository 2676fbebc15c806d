import { KNOWN_PRODUCTS, productOfAdapter, productOfProgram, type KnownProduct } from '../../probes/known-products'
import type { Evidence, Finding } from '../finding'
import type { MachineView } from '../machine-view'
import { evidence, finding } from './rule'

/** One known product on this PC and the programs-list entries that show it. */
export interface InstalledProduct {
  readonly product: KnownProduct
  /** "DisplayName DisplayVersion" of each matching entry, as Windows stores them. */
  readonly entries: readonly string[]
}

/** Known products in the installed programs list (docs/knowledge/installed-products.md#known-products), in the list's order. */
export function installedKnownProducts(view: MachineView): InstalledProduct[] {
  if (!view.installedProducts.known) return []
  const entries = new Map<string, string[]>()
  for (const program of view.installedProducts.value.programs) {
    const product = productOfProgram(program.displayName)
    if (product === null) continue
    // Many installers put the version in the name already ("… Client 4.10.05111"): say it once.
    const version = program.displayVersion
    const text = version === null || program.displayName.includes(version) ? program.displayName : `${program.displayName} ${version}`
    const list = entries.get(product.id) ?? []
    // The same program is often listed twice (machine and WOW6432Node): name it once.
    if (!list.includes(text)) list.push(text)
    entries.set(product.id, list)
  }
  return KNOWN_PRODUCTS.flatMap((product) => {
    const found = entries.get(product.id)
    return found === undefined ? [] : [{ product, entries: found }]
  })
}

/** "Zscaler is installed: found in the installed programs list as …" (the finding says what it rests on). */
export function installedEvidence(installed: InstalledProduct): Evidence {
  return evidence('ev.installedProduct', 'installed-products', { product: installed.product.name, entries: installed.entries.join(', ') })
}

/** "The connected adapter X belongs to Cisco AnyConnect / Secure Client": the known product behind a VPN adapter. */
export function adapterProductEvidence(adapterDescriptions: readonly string[]): Evidence[] {
  return adapterDescriptions.flatMap((description) => {
    const product = productOfAdapter(description)
    return product === null ? [] : [evidence('ev.vpnAdapterProduct', 'network-adapters', { adapter: description, product: product.name })]
  })
}

/**
 * docs/knowledge/installed-products.md#what-a-finding-may-claim: known VPN, security and proxy
 * products in the programs list, named. Advice: being installed proves no fault. A VPN product
 * whose adapter is connected is named by vpn-detected instead (`namedByVpn`), not twice.
 */
export function installedProductsFinding(view: MachineView, namedByVpn: ReadonlySet<string>): Finding[] {
  const installed = installedKnownProducts(view).filter((i) => !namedByVpn.has(i.product.id))
  if (installed.length === 0) return []
  return [
    finding({
      id: 'network-software-installed',
      severity: 'info',
      confidence: 'medium',
      evidence: installed.map(installedEvidence),
      fixes: [],
      args: { products: installed.map((i) => i.product.name).join(', '), count: installed.length },
    }),
  ]
}
