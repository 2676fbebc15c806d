/**
 * Restarting Windows and coming back (docs/architecture.md#restart-and-resume): the real one
 * registers an HKCU RunOnce entry for the interactive user and runs `shutdown.exe /r`, the
 * simulated PC reboots its state. `bootTime` tells a real restart from a reopen.
 */
export interface RestartController {
  bootTime(): Promise<string | null>
  /** Makes the app start again with `--resume` after the next sign-in. */
  registerResume(): Promise<boolean>
  restart(): Promise<boolean>
}
