import { englishMessage } from '../../contract/i18n/spoken-messages';
import { AppError } from '../../contract';
import type { Shell } from '../ports';

/**
 * The files this session's exports wrote, the only ones "Open" and "Show in folder" may act on: the renderer names
 * a path, the core checks it is one it wrote itself (exactly, as the save dialog gave it) before the OS sees it. A
 * compromised renderer cannot open or reveal any other file through this door.
 */
export class ExportedFiles {
  private readonly written = new Set<string>();

  constructor(private readonly shell: Pick<Shell, 'openPath' | 'showItemInFolder'>) {}

  /** An export finished writing this file. */
  add(path: string): void {
    this.written.add(path);
  }

  async open(path: string, how: 'open' | 'folder'): Promise<null> {
    if (!this.written.has(path)) throw new AppError('FORBIDDEN', englishMessage('exportNotOurs'));
    if (how === 'folder') {
      this.shell.showItemInFolder(path);
      return null;
    }
    // Only what an export or a statement writes: a name typed in the save dialog as `run.bat` would otherwise be run by the OS.
    if (!/\.(csv|xlsx|pdf)$/i.test(path)) throw new AppError('FORBIDDEN', englishMessage('exportOpenKind'));
    try {
      await this.shell.openPath(path);
    } catch (error) {
      throw new AppError('NOT_FOUND', englishMessage('exportOpenFailed', { reason: (error as Error).message }), { cause: error });
    }
    return null;
  }
}
