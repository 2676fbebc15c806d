import { z } from 'zod'
import { NativeOutput } from './native-output'

/**
 * What WSL prints when it starts, and the networking mode it really uses (docs/knowledge/probes.md#wsl-startup).
 *
 * Runs only with consent: `wsl.exe -e true` boots the VM if it is stopped. Startup warnings
 * (`wsl: …`) appear only when the VM boots, so the distro list taken first tells the rules whether their absence
 * means anything (`listBeforeStart`). `wslinfo --networking-mode` prints nat | mirrored | virtioproxy/consomme | none | wsl1.
 */
export const WslStartupFact = z.object({
  /** `wsl --list --verbose` just before the start: tells whether the VM was already up. */
  listBeforeStart: NativeOutput,
  startOutput: NativeOutput,
  networkingModeOutput: NativeOutput.nullable(),
})
export type WslStartupFact = z.infer<typeof WslStartupFact>
