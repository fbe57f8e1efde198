import { ipcMain, type BrowserWindow } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../contract';
import type { Dispatch } from '../core/ipc/dispatcher';
import type { EventSink } from '../core/ports';

/**
 * The one IPC entry point: every call carries its channel name, and the core's dispatcher
 * checks the sender frame's URL, validates the input with the contract and returns a Result.
 */
export function registerIpc(dispatch: Dispatch): void {
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) => dispatch(channel, input, event.senderFrame?.url));
}

/** Pushes core events to the app window (if it is open). */
export function windowEventSink(getWindow: () => BrowserWindow | null): EventSink {
  return {
    emit(event, payload) {
      const window = getWindow();
      if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT, event, payload);
    },
  };
}
