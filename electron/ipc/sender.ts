/**
 * Who sent an IPC message, read synchronously at the top of the listener: `senderFrame` can be null
 * once the frame navigated or was destroyed (Electron docs, ipc-main-invoke-event).
 */
export interface IpcSender {
  readonly frameUrl: string | null
  readonly isMainFrame: boolean
}

/**
 * Trusted = the main frame of our own page: an `app://doctor` URL (or, in development only,
 * the dev server's origin). Parsed with `URL`, never `startsWith` (Electron checklist 13, 17;
 * VS Code's validatedIpcMain).
 */
export function isTrustedSender(sender: IpcSender, allowedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame || sender.frameUrl === null) return false
  let url: URL
  try {
    url = new URL(sender.frameUrl)
  } catch {
    return false
  }
  // `URL.origin` is "null" for schemes Node does not know (app:), so compare scheme + host.
  return allowedOrigins.includes(`${url.protocol}//${url.host}`)
}
