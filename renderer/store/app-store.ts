/**
 * The app's one Zustand store, in typed slices: the open document with its undo history, the
 * preview and full runs, and UI state. Actions here are pure state transitions; anything that
 * touches files, workers or the host lives in commands/ and forecast/ and calls these.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AutosaveEntry, RecentFile } from '../platform/platform.ts';
import type { ForecastResult } from '../../models/simulate/result.ts';
import type { CatalogRow } from '../../models/pricing/catalog/catalog.ts';
import { documentText, type ScenarioDocument } from '../document/document-text.ts';
import { closeStep, recordEdit, redo, startHistory, undo, type History } from './history.ts';

export type ViewId = 'welcome' | 'assumptions' | 'forecast' | 'pricing' | 'budget' | 'compare' | 'data';

export interface DocumentFile {
  /** File name shown to the user, e.g. `plan.json`. */
  name: string;
  /** Absolute path on Electron once saved or opened from disk; null in the browser or when new. */
  path: string | null;
}

export interface OpenDocument {
  /** Stable id for autosave: the path, or a generated id for a document never saved. */
  key: string;
  file: DocumentFile;
  /** The text last opened or saved (a template's text for a new document); null when recovered unsaved work. */
  savedText: string | null;
  history: History<ScenarioDocument>;
  /** Increases with every change of the document (edit, undo, redo, open). */
  revision: number;
}

export interface RunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /** The document revision this run belongs to. */
  revision: number;
  trials: number;
  /** Trials done so far. */
  done: number;
  /** Once the trials are done, how far the summary of them is (steps); null before. */
  summary: { done: number; total: number } | null;
  result: ForecastResult | null;
  error: string | null;
  elapsedMs: number | null;
}

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
  /** More lines (e.g. every issue of a refused file). */
  details?: string[];
}

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** A third choice (e.g. "Save"), when offered. */
  alternativeLabel?: string;
  resolve: (choice: 'confirm' | 'alternative' | 'cancel') => void;
}

/** Prices a user imported from a CSV file; they override and extend the bundled catalog in every run. */
export interface UserPrices {
  fileName: string;
  rows: CatalogRow[];
}

export interface AppState {
  view: ViewId;
  document: OpenDocument | null;
  preview: RunState;
  full: RunState;
  /** Trials for Run, when the user picked a count other than the scenario's. */
  runTrials: number | null;
  recent: RecentFile[];
  autosaves: AutosaveEntry[];
  notices: Notice[];
  confirm: ConfirmRequest | null;
  /** Imported price rows (kept across documents, like the catalog they amend), or null. */
  userPrices: UserPrices | null;

  setView(view: ViewId): void;
  openDocument(input: { key: string; file: DocumentFile; savedText: string | null; document: ScenarioDocument }): void;
  /** Applies `change` to the document as one undoable step (joined with the last one when `coalesceKey` matches). */
  edit(label: string, change: (document: ScenarioDocument) => ScenarioDocument, coalesceKey?: string): void;
  /** Ends a gesture (slider released, field left): the next edit is a new step. */
  closeEditStep(): void;
  undo(): void;
  redo(): void;
  markSaved(file: DocumentFile, text: string, key: string): void;
  setRunTrials(trials: number | null): void;

  previewStarted(revision: number, trials: number): void;
  previewFinished(revision: number, result: ForecastResult, elapsedMs: number): void;
  previewFailed(revision: number, error: string): void;
  fullStarted(revision: number, trials: number): void;
  /** Trials done of all (phase `trials`), then summary steps done of all (phase `summary`). */
  fullProgress(done: number, total: number, phase?: 'trials' | 'summary'): void;
  fullFinished(result: ForecastResult, elapsedMs: number): void;
  fullStopped(status: 'cancelled' | 'error', error?: string): void;

  setRecent(recent: RecentFile[]): void;
  setAutosaves(autosaves: AutosaveEntry[]): void;
  notify(tone: Notice['tone'], text: string, details?: string[]): void;
  dismissNotice(id: number): void;
  askConfirm(request: Omit<ConfirmRequest, 'resolve'>): Promise<'confirm' | 'alternative' | 'cancel'>;
  answerConfirm(choice: 'confirm' | 'alternative' | 'cancel'): void;
  /** Replaces (or with null removes) the imported prices; the forecast inputs change, so the revision moves on. */
  setUserPrices(prices: UserPrices | null): void;
}

export const idleRun: RunState = { status: 'idle', revision: -1, trials: 0, done: 0, summary: null, result: null, error: null, elapsedMs: null };

export type AppStore = StoreApi<AppState>;

let noticeIds = 0;

export function createAppStore(): AppStore {
  const withHistory = (state: AppState, history: History<ScenarioDocument>): Partial<AppState> => {
    const document = state.document;
    if (!document || history === document.history) return {};
    const changed = history.present !== document.history.present;
    return { document: { ...document, history, revision: changed ? document.revision + 1 : document.revision } };
  };

  return createStore<AppState>()((set, get) => ({
    view: 'welcome',
    document: null,
    preview: idleRun,
    full: idleRun,
    runTrials: null,
    recent: [],
    autosaves: [],
    notices: [],
    confirm: null,
    userPrices: null,

    setView: (view) => set({ view }),
    openDocument: ({ key, file, savedText, document }) =>
      set((state) => ({
        document: { key, file, savedText, history: startHistory(document), revision: (state.document?.revision ?? 0) + 1 },
        preview: idleRun,
        full: idleRun,
        runTrials: null,
      })),
    edit: (label, change, coalesceKey) =>
      set((state) => {
        if (!state.document) return {};
        const next = change(state.document.history.present);
        return withHistory(state, recordEdit(state.document.history, next, label, coalesceKey ?? null));
      }),
    closeEditStep: () => set((state) => (state.document ? withHistory(state, closeStep(state.document.history)) : {})),
    undo: () => set((state) => (state.document ? withHistory(state, undo(state.document.history)) : {})),
    redo: () => set((state) => (state.document ? withHistory(state, redo(state.document.history)) : {})),
    markSaved: (file, text, key) => set((state) => (state.document ? { document: { ...state.document, file, savedText: text, key } } : {})),
    setRunTrials: (runTrials) => set({ runTrials }),

    previewStarted: (revision, trials) => set((state) => ({ preview: { ...state.preview, status: 'running', revision, trials, done: 0, summary: null, error: null } })),
    previewFinished: (revision, result, elapsedMs) => set({ preview: { status: 'done', revision, trials: result.trials, done: result.trials, summary: null, result, error: null, elapsedMs } }),
    previewFailed: (revision, error) => set((state) => ({ preview: { ...state.preview, status: 'error', revision, error } })),
    fullStarted: (revision, trials) => set((state) => ({ full: { ...state.full, status: 'running', revision, trials, done: 0, summary: null, error: null } })),
    fullProgress: (done, total, phase = 'trials') =>
      set((state) => {
        if (state.full.status !== 'running') return {};
        return { full: phase === 'summary' ? { ...state.full, done: state.full.trials, summary: { done, total } } : { ...state.full, done, trials: total, summary: null } };
      }),
    fullFinished: (result, elapsedMs) => set((state) => ({ full: { ...state.full, status: 'done', done: result.trials, result, error: null, elapsedMs } })),
    fullStopped: (status, error) => set((state) => ({ full: { ...state.full, status, error: error ?? null } })),

    setRecent: (recent) => set({ recent }),
    setAutosaves: (autosaves) => set({ autosaves }),
    notify: (tone, text, details) => set((state) => ({ notices: [...state.notices.slice(-4), { id: ++noticeIds, tone, text, ...(details ? { details } : {}) }] })),
    dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) })),
    askConfirm: (request) =>
      new Promise((resolve) => {
        get().confirm?.resolve('cancel');
        set({ confirm: { ...request, resolve } });
      }),
    answerConfirm: (choice) => {
      const confirm = get().confirm;
      set({ confirm: null });
      confirm?.resolve(choice);
    },
    // The document is unchanged (nothing to save or undo), but every result so far used other prices.
    setUserPrices: (userPrices) => set((state) => ({ userPrices, ...(state.document ? { document: { ...state.document, revision: state.document.revision + 1 } } : {}) })),
  }));
}

/**
 * Whether the open document holds work that is not in a file: its text differs from what was
 * last opened or saved, or it was never saved at all (recovered after a crash).
 */
export function isDirty(open: OpenDocument | null): boolean {
  if (!open) return false;
  return open.savedText === null || documentText(open.history.present) !== open.savedText;
}

/** The document being edited (the present of its history), or null. */
export function currentDocument(state: AppState): ScenarioDocument | null {
  return state.document?.history.present ?? null;
}

/**
 * The result to show for the current document: the full run when it belongs to this
 * revision, else the freshest preview, else the last full run (stale, marked as such).
 */
export function shownResult(state: AppState): { result: ForecastResult; kind: 'full' | 'preview'; stale: boolean } | null {
  const revision = state.document?.revision ?? -2;
  const { full, preview } = state;
  if (full.result && full.revision === revision && full.status === 'done') return { result: full.result, kind: 'full', stale: false };
  if (preview.result) return { result: preview.result, kind: 'preview', stale: preview.revision !== revision };
  if (full.result) return { result: full.result, kind: 'full', stale: true };
  return null;
}
