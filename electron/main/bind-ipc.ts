import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { CHANNELS } from '../../shared/ipc/contract'
import { err } from '../../shared/ipc/result'
import type { Dispatch, EventSink } from '../ipc/dispatcher'
import type { IpcSender } from '../ipc/sender'

/**
 * Binds every contract channel to `ipcMain` through the dispatcher. Only webContents we created
 * may call (GitHub Desktop's trusted-ipc-sender); the frame check happens in the dispatcher.
 */
export function bindIpc(dispatch: Dispatch, trusted: ReadonlySet<number>): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      // Read the frame synchronously: it can be null after navigation (Electron docs).
      const frame = event.senderFrame
      const sender: IpcSender = { frameUrl: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null }
      if (!trusted.has(event.sender.id)) return Promise.resolve(err('untrusted-sender'))
      return dispatch(channel, sender, input, sinkFor(event.sender))
    })
  }
}

function sinkFor(contents: WebContents): EventSink {
  return (event, payload) => {
    if (!contents.isDestroyed()) contents.send(event, payload)
  }
}
