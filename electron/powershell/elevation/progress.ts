import { z } from 'zod'

/**
 * Progress events of an elevated run (docs/security.md#elevation): the elevated side sends one as soon as
 * something happens, so the app sees each step's result as it completes instead of one message at
 * the end, and a long step (DISM can take half an hour) keeps the run alive.
 *
 * The contract for the script being elevated (the composed batch, electron/repair/), tiny on
 * purpose: it reports with `& $WndProgress '<json>'` (the payload defines `$WndProgress`; it works
 * from inside captured blocks such as the composed script's `$WndResult = & { ... }`), or by writing
 * a line `WND-PROGRESS:<json>` to its output stream at top level. `<json>` is one object:
 *
 *   {"step":<index in the batch>,"status":"started"|"done"|"failed","data":<anything, optional>}
 *
 * e.g. `data` is the step's StepResult when done, its error text when failed. Events are advisory,
 * like every elevated result (§4): the final result stays authoritative.
 */
export const ElevatedProgress = z.object({
  step: z.number().int().nonnegative(),
  status: z.enum(['started', 'done', 'failed']),
  data: z.unknown().optional(),
})
export type ElevatedProgress = z.infer<typeof ElevatedProgress>

/** The event inside a `{"event":"<json>"}` pipe message, or null when it does not fit the contract. */
export function parseProgressEvent(text: string): ElevatedProgress | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = ElevatedProgress.safeParse(json)
  return parsed.success ? parsed.data : null
}
