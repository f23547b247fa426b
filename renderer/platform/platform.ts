/**
 * The one typed contract between the UI and its host. The Electron preload implements it with
 * named IPC calls (electron/preload.ts); the browser build implements it with file inputs,
 * downloads and IndexedDB (web-platform.ts). The UI imports only this interface and
 * `getPlatform()` from index.ts, never Electron or the DOM file APIs directly.
 */

/** A scenario file read from disk (Electron) or picked in the browser (web: `path` is null). */
export interface OpenedFile {
  name: string;
  path: string | null;
  text: string;
}

/**
 * An entry of the recent-files list. On Electron `path` is the absolute file path; on the web it
 * is an opaque id of the copy kept in IndexedDB. Either way, pass it back to `openRecent`.
 */
export interface RecentFile {
  name: string;
  path: string;
  /** ISO 8601 timestamp of the last open or save. */
  openedAt: string;
}

/** Unsaved work of one document, kept so it can be offered back after a crash. */
export interface AutosaveEntry {
  /** Stable id of the document for this session (a file path, or a generated id when untitled). */
  documentKey: string;
  name: string;
  /** ISO 8601 timestamp. */
  savedAt: string;
  text: string;
}

/**
 * Commands the host menu sends. On the web there is no menu: the UI binds the same shortcuts
 * itself; on Electron the menu owns the accelerators, so the UI must not bind them too
 * (check `platform.kind`).
 */
export type MenuCommand = 'new' | 'open' | 'save' | 'save-as' | 'export' | 'run' | 'undo' | 'redo';

/** Every menu command, in menu order; used to validate messages that cross processes. */
export const MENU_COMMANDS: readonly MenuCommand[] = ['new', 'open', 'save', 'save-as', 'export', 'run', 'undo', 'redo'];

/** Where a save landed: Electron gives the path; the web gives only the downloaded name. */
export interface SavedFile {
  path: string | null;
  name: string;
}

/** File formats the UI can export. */
export type ExportKind = 'xlsx' | 'png' | 'csv';

/** The host services the UI may use. Every method that touches files reports failures as an Error with a readable message. */
export interface Platform {
  readonly kind: 'electron' | 'web';
  /** Shows an open dialog for scenario files (*.json, *.costcast); null when cancelled. */
  openScenario(): Promise<OpenedFile | null>;
  /** Reopens an entry of `listRecent()`; throws a readable Error (and forgets the entry) if it is gone. */
  openRecent(path: string): Promise<OpenedFile>;
  /** Most recent first, at most 10, entries whose file vanished already removed. */
  listRecent(): Promise<RecentFile[]>;
  /** Saves in place when `path` is set, else behaves as `saveScenarioAs`; null when cancelled. */
  saveScenario(file: { path: string | null; suggestedName: string; text: string }): Promise<SavedFile | null>;
  /** Asks where to save (web: downloads under `suggestedName`); null when cancelled. */
  saveScenarioAs(file: { suggestedName: string; text: string }): Promise<SavedFile | null>;
  /** Asks where to write an export; false when cancelled. */
  exportFile(file: { suggestedName: string; bytes: Uint8Array; kind: ExportKind }): Promise<boolean>;
  /** Picks a usage-history file (csv, tsv, txt, xlsx, xls, ods); null when cancelled. */
  openDataFile(): Promise<{ name: string; bytes: Uint8Array } | null>;
  /** Stores (replaces) the autosave of `entry.documentKey`. */
  writeAutosave(entry: AutosaveEntry): Promise<void>;
  /** All autosaves left behind, most recent first, so the UI can offer recovery at start. */
  listAutosaves(): Promise<AutosaveEntry[]>;
  /** Forgets the autosave of a document (after a save, or when the user discards recovery). */
  clearAutosave(documentKey: string): Promise<void>;
  /** Updates the window title and the unsaved-changes guard used when the window closes. */
  setDocumentState(state: { title: string; dirty: boolean }): void;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribes to files opened from outside the UI (command line, Finder, a second launch); returns the unsubscribe function. */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
}
