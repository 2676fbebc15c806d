import { z } from 'zod'

/** Which machine the handlers talk to: this Windows PC, or a simulated one (demo and tests). */
export const MachineSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('windows') }),
  z.object({
    kind: z.literal('simulated'),
    scenarioId: z.string(),
    title: z.object({ en: z.string(), 'zh-CN': z.string() }),
  }),
])
export type MachineSource = z.infer<typeof MachineSource>

export const AppInfo = z.object({
  appVersion: z.string(),
  /** Where the app runs (`win32`, `linux`…), independent of the machine it diagnoses. */
  platform: z.string(),
  machine: MachineSource,
  /** The OS's preferred UI languages, best first (Electron `app.getPreferredSystemLanguages()`). */
  osLocales: z.array(z.string()),
})
export type AppInfo = z.infer<typeof AppInfo>
