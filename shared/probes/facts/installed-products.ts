import { z } from 'zod'

/** Which Uninstall key an entry came from: machine, 32-bit programs on 64-bit Windows, the user's. */
export const UninstallHive = z.enum(['machine', 'machine32', 'user'])
export type UninstallHive = z.infer<typeof UninstallHive>

/** The probe's limits (docs/knowledge/installed-products.md#the-installed-products-probe): a huge programs list must not slow the scan. */
export const MAX_ENTRIES_PER_KEY = 600
export const MAX_ENTRIES = 1500

/**
 * The installed programs list (docs/knowledge/installed-products.md#what-is-read): the three
 * Uninstall keys, `DisplayName`, `Publisher` and `DisplayVersion` only, as Windows stores them.
 * Which entries matter is decided in shared/probes/known-products.ts, not by the script.
 */
export const InstalledProductsFact = z.object({
  /** Each key's outcome: a missing or unreadable key leaves the others readable. */
  keys: z.array(z.object({ hive: UninstallHive, status: z.enum(['read', 'missing', 'unreadable']) })),
  programs: z
    .array(
      z.object({
        hive: UninstallHive,
        displayName: z.string().min(1),
        publisher: z.string().nullable(),
        displayVersion: z.string().nullable(),
      }),
    )
    .max(MAX_ENTRIES),
  /** A key had more entries than the probe reads. */
  truncated: z.boolean(),
})
export type InstalledProductsFact = z.infer<typeof InstalledProductsFact>
