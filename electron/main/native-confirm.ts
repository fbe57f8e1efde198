import { dialog, type BrowserWindow } from 'electron';
import type { Confirm } from '../core/ports';

/** The Confirm port of the app: a native dialog, attached to the app window; "cancel" is the default button. */
export function nativeConfirm(getWindow: () => BrowserWindow | null): Confirm {
  return {
    async ask(question) {
      const options = {
        type: 'warning' as const,
        title: question.title,
        message: question.message,
        detail: question.detail,
        buttons: [question.cancel, question.confirm],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const window = getWindow();
      const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
      return response === 1;
    },
  };
}
