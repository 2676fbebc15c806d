import { z } from 'zod'
import { fixScriptRunId } from '../../shared/repair/fix-scripts'
import { composeScript } from '../powershell/compose-script'
import { readEnvelope } from '../powershell/envelope'
import type { PowerShellHost } from '../powershell/host'
import type { FixHelperScriptId, ScriptCatalog } from '../probes/script-catalog'
import type { RestartController } from './restart-controller'

/**
 * Restart and resume on a real PC, all unelevated (docs/security.md#elevation): `boot-time` reads
 * `LastBootUpTime`; `register-resume` writes `HKCU\…\RunOnce` `!WslNetworkDoctorResume` =
 * `"<exe>" --resume` (the `!` keeps the entry until the app really started); `restart-computer`
 * runs `shutdown.exe /r /t 5`, which a standard user may do on client Windows.
 */
export function windowsRestartController(host: PowerShellHost, catalog: ScriptCatalog, exePath: string): RestartController {
  const run = async (id: FixHelperScriptId, input: unknown): Promise<unknown> => {
    const script = composeScript({ id: fixScriptRunId(id), body: catalog.helper(id), prelude: catalog.prelude, input })
    const outcome = await host.run(script, { timeoutMs: 30_000 })
    if (!outcome.ok) return null
    const reading = readEnvelope(outcome.stdout, script.sentinel)
    return reading.kind === 'data' ? reading.data : null
  }
  return {
    bootTime: async () => z.object({ lastBootUpTime: z.string() }).safeParse(await run('boot-time', null)).data?.lastBootUpTime ?? null,
    registerResume: async () => z.object({ registered: z.literal(true) }).safeParse(await run('register-resume', { exePath })).success,
    restart: async () => z.object({ restarting: z.literal(true) }).safeParse(await run('restart-computer', null)).success,
  }
}
