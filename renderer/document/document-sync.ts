/**
 * Keeps the host in step with the open document: the window title and unsaved-changes guard
 * after every change, and an autosave of unsaved work to the user-data folder (or the
 * browser's storage) shortly after the user stops typing, so a crash loses nothing.
 */
import type { Platform } from '../platform/platform.ts';
import { isDirty, type AppStore } from '../store/app-store.ts';
import { documentText } from './document-text.ts';

/** Quiet time after the last edit before the autosave is written (ms). */
export const AUTOSAVE_DELAY_MS = 1000;

export function startDocumentSync(store: AppStore, platform: Platform): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastTitle = '';

  const sync = () => {
    const open = store.getState().document;
    const dirty = isDirty(open);
    const title = open ? open.file.name : '';
    const stateKey = `${title}|${dirty}`;
    // With no document the page keeps its plain "Costcast" title.
    if (open && stateKey !== lastTitle) {
      lastTitle = stateKey;
      platform.setDocumentState({ title, dirty });
    }
    if (timer) clearTimeout(timer);
    timer = null;
    if (!open || !dirty) return;
    timer = setTimeout(() => {
      timer = null;
      const now = store.getState().document;
      if (!now || !isDirty(now)) return;
      void platform
        .writeAutosave({ documentKey: now.key, name: now.file.name, savedAt: new Date().toISOString(), text: documentText(now.history.present) })
        .catch((error: unknown) => store.getState().notify('error', `Unsaved changes could not be kept safe: ${error instanceof Error ? error.message : String(error)}`));
    }, AUTOSAVE_DELAY_MS);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.document !== previous.document) sync();
  });
  sync();
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
