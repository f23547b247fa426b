/**
 * The browser host: file inputs to open, downloads to save and export, IndexedDB for recent
 * files and autosaves, a `beforeunload` guard for unsaved changes. The browser has no file
 * paths, so opened files carry `path: null` and saves always download.
 */
import { documentTitle } from './document-title.ts';
import {
  DATA_FILE_FILTER,
  DEFAULT_SCENARIO_EXTENSION,
  MAX_DATA_FILE_BYTES,
  MAX_SCENARIO_BYTES,
  SCENARIO_FILTER,
  acceptAttribute,
  exportFormat,
  safeFileName,
  tooLargeMessage,
  withExtension,
} from './file-kinds.ts';
import type { FileFilter } from './file-kinds.ts';
import type { AutosaveEntry, OpenedFile, Platform, RecentFile, SavedFile } from './platform.ts';
import { pushRecent, sortRecent } from './recent-list.ts';
import { AUTOSAVE_STORE, RECENT_STORE, createWebStorage } from './web-storage.ts';
import type { WebStorage } from './web-storage.ts';

/** Asks the user for one file; null when the picker is dismissed. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** Starts a download of `blob` named `name`. */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Picks a file of `filter`, refusing files over `limit` bytes with a readable Error. */
async function pickLimitedFile(filter: FileFilter, limit: number): Promise<File | null> {
  const file = await pickFile(acceptAttribute(filter));
  if (file !== null && file.size > limit) throw new Error(tooLargeMessage(file.name, file.size, limit));
  return file;
}

/** The scenario file name a save downloads as. */
function scenarioFileName(suggestedName: string): string {
  return withExtension(safeFileName(suggestedName), SCENARIO_FILTER, DEFAULT_SCENARIO_EXTENSION);
}

/** Browser files have no path, so the same name means the same file in the recent list. */
const recentKey = (file: RecentFile): string => file.name;

/** The Platform of the browser build, storing in `storage` (the page's IndexedDB by default). */
export function createWebPlatform(storage: WebStorage = createWebStorage(indexedDB)): Platform {
  let dirty = false;
  const guardUnload = (event: BeforeUnloadEvent): void => {
    event.preventDefault();
    // Older engines show the prompt only when returnValue is set.
    event.returnValue = '';
  };

  const remember = async (name: string, text: string): Promise<void> => {
    const entry = { name, path: crypto.randomUUID(), openedAt: new Date().toISOString() };
    const { dropped } = pushRecent(await storage.getAll(RECENT_STORE), entry, recentKey);
    await storage.put(RECENT_STORE, { ...entry, text });
    // Older copies of the same name and entries past the limit free their stored text.
    await storage.delete(RECENT_STORE, dropped.map((file) => file.path));
  };

  const saveAs = async (file: { suggestedName: string; text: string }): Promise<SavedFile> => {
    const name = scenarioFileName(file.suggestedName);
    download(name, new Blob([file.text], { type: 'application/json' }));
    await remember(name, file.text);
    return { path: null, name };
  };

  return {
    kind: 'web',
    async openScenario(): Promise<OpenedFile | null> {
      const file = await pickLimitedFile(SCENARIO_FILTER, MAX_SCENARIO_BYTES);
      if (file === null) return null;
      const text = await file.text();
      await remember(file.name, text);
      return { name: file.name, path: null, text };
    },
    async openRecent(path: string): Promise<OpenedFile> {
      const stored = await storage.get(RECENT_STORE, path);
      if (stored === undefined) throw new Error('This file is no longer in the browser\'s recent files. Open it again from disk.');
      await storage.put(RECENT_STORE, { ...stored, openedAt: new Date().toISOString() });
      return { name: stored.name, path: null, text: stored.text };
    },
    async listRecent(): Promise<RecentFile[]> {
      return sortRecent(await storage.getAll(RECENT_STORE)).map(({ name, path, openedAt }) => ({ name, path, openedAt }));
    },
    saveScenario: (file) => saveAs(file),
    saveScenarioAs: saveAs,
    async exportFile(file): Promise<boolean> {
      const format = exportFormat(file.kind);
      const name = withExtension(safeFileName(file.suggestedName), format.filter, file.kind);
      // Copy into a fresh ArrayBuffer: a view over a SharedArrayBuffer cannot become a Blob.
      download(name, new Blob([file.bytes.slice()], { type: format.mimeType }));
      return true;
    },
    async openDataFile(): Promise<{ name: string; bytes: Uint8Array } | null> {
      const file = await pickLimitedFile(DATA_FILE_FILTER, MAX_DATA_FILE_BYTES);
      return file === null ? null : { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    writeAutosave: (entry: AutosaveEntry) => storage.put(AUTOSAVE_STORE, entry),
    async listAutosaves(): Promise<AutosaveEntry[]> {
      const entries = await storage.getAll(AUTOSAVE_STORE);
      return entries.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    },
    clearAutosave: (documentKey: string) => storage.delete(AUTOSAVE_STORE, [documentKey]),
    setDocumentState(state): void {
      document.title = documentTitle(state);
      // The listener exists only while dirty: any beforeunload listener keeps the page out of the back/forward cache.
      if (state.dirty && !dirty) window.addEventListener('beforeunload', guardUnload);
      if (!state.dirty && dirty) window.removeEventListener('beforeunload', guardUnload);
      dirty = state.dirty;
    },
    // The browser has no app menu: the UI binds the shortcuts itself.
    onMenuCommand: () => () => undefined,
    // Nothing outside the page can hand a browser tab a file.
    onOpenFile: () => () => undefined,
  };
}
