/**
 * The unsaved-changes guard of the app window. The renderer reports its dirty state (Platform
 * `setDocumentState`); when the window is asked to close while dirty, the guard asks "Save
 * changes?". Save sends the renderer a `save` command and closes once the renderer reports a
 * clean document; a cancelled or failed save keeps the window open.
 */
import type { MenuCommand } from '../renderer/platform/platform.ts';

/** The dialog the guard shows, reduced to what it needs (Electron's `dialog.showMessageBox`, bound to the window). */
export type AskToSave = (options: {
  type: 'warning';
  buttons: string[];
  defaultId: number;
  cancelId: number;
  message: string;
  detail: string;
  noLink: boolean;
}) => Promise<{ response: number }>;

/** What the guard needs from the window. */
export interface CloseGuardOptions {
  ask: AskToSave;
  sendCommand(command: MenuCommand): void;
  /** Closes the window for real; the guard lets that close through. */
  close(): void;
}

/** Hooks for the main process to call; see the module comment. */
export interface CloseGuard {
  /** From the window's `close` event. */
  onCloseRequested(event: { preventDefault(): void }): void;
  /** From the renderer's `setDocumentState`. */
  onDocumentState(state: { title: string; dirty: boolean }): void;
  /** From the save handlers: whether a save (or save as) wrote the file. */
  onSaveSettled(saved: boolean): void;
  /** The renderer died: nothing can be saved any more, so closing must not be blocked. */
  release(): void;
}

const SAVE = 0;
const DONT_SAVE = 1;
const CANCEL = 2;

/** A guard for one window. */
export function createCloseGuard(options: CloseGuardOptions): CloseGuard {
  let dirty = false;
  let title = 'Untitled';
  let closeAfterSave = false;
  let allowClose = false;
  let asking = false;

  const closeNow = (): void => {
    allowClose = true;
    options.close();
  };

  return {
    onCloseRequested(event) {
      if (allowClose || !dirty) return;
      event.preventDefault();
      if (asking) return;
      asking = true;
      void options
        .ask({
          type: 'warning',
          buttons: ['Save', "Don't Save", 'Cancel'],
          defaultId: SAVE,
          cancelId: CANCEL,
          message: `Save changes to "${title}" before closing?`,
          detail: 'Your changes will be lost if you don\'t save them.',
          noLink: true,
        })
        .then(({ response }) => {
          asking = false;
          if (response === DONT_SAVE) closeNow();
          else if (response === SAVE) {
            closeAfterSave = true;
            options.sendCommand('save');
          }
        }, () => {
          asking = false;
        });
    },
    onDocumentState(state) {
      title = state.title;
      dirty = state.dirty;
      if (closeAfterSave && !dirty) {
        closeAfterSave = false;
        closeNow();
      }
    },
    onSaveSettled(saved) {
      if (!saved) closeAfterSave = false;
    },
    release() {
      allowClose = true;
    },
  };
}
