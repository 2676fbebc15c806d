import { z } from 'zod'

/**
 * What a simulated PC's distro shows inside that its Windows-side state cannot tell
 * (electron/simulated-pc/wsl-network-check-model.ts derives the rest). Absent = a stock Ubuntu.
 */
export const ScenarioInsideWsl = z.strictObject({
  /**
   * A proxy or security product on the path re-signs TLS: the issuer Linux sees on
   * www.microsoft.com (e.g. `C = US, O = Zscaler Inc., CN = Zscaler Intermediate Root CA`). Its
   * root is not in Linux's store, so curl fails with exit 60.
   */
  tlsIssuer: z.string().min(1).optional(),
  /** `/etc/wsl.conf` as lines (e.g. `[network]`, `generateResolvConf=false`). */
  wslConf: z.array(z.string()).optional(),
  /**
   * `/etc/resolv.conf` written by hand (with `generateResolvConf=false` in wsl.conf): its
   * nameserver and whether that server answers from this network.
   */
  staticNameserver: z.strictObject({ address: z.string().regex(/^[0-9a-fA-F:.]+$/), answers: z.boolean() }).optional(),
})
export type ScenarioInsideWsl = z.infer<typeof ScenarioInsideWsl>
