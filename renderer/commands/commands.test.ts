/**
 * The commands behind the toolbar, menu and shortcuts, on the real store, the real document code
 * and the real forecast controller (its worker logic in-process). The host is the one stand-in: a
 * small in-memory Platform that records what the commands asked of it.
 */
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { setAtPointer } from '../../models/scenario/json-pointer.ts';
import { documentText, type ScenarioDocument } from '../document/document-text.ts';
import { templates } from '../document/templates.ts';
import { startForecastController, type ForecastController } from '../forecast/forecast-controller.ts';
import { inProcessWorker } from '../forecast/in-process-worker.ts';
import type { AutosaveEntry, OpenedFile, Platform, RecentFile, SavedFile } from '../platform/platform.ts';
import { createAppStore, currentDocument, isDirty, type AppStore } from '../store/app-store.ts';
import { createCommands, type Commands } from './commands.ts';

/** A host kept in memory: files to hand out, and a record of everything written. */
class MemoryPlatform implements Platform {
  readonly kind = 'web' as const;
  /** What the next open dialog returns (null: cancelled). */
  nextOpen: OpenedFile | null = null;
  /** Where the next save-as lands (null: cancelled). */
  nextSaveAs: SavedFile | null = { path: '/plans/fy27.json', name: 'fy27.json' };
  failSave: Error | null = null;
  failAutosave: Error | null = null;
  readonly saved: { path: string | null; name: string; text: string }[] = [];
  readonly exported: { suggestedName: string; bytes: Uint8Array; kind: string }[] = [];
  readonly autosaves = new Map<string, AutosaveEntry>();
  recent: RecentFile[] = [];
  readonly states: { title: string; dirty: boolean }[] = [];

  async openScenario() {
    return this.nextOpen;
  }
  async openRecent(path: string): Promise<OpenedFile> {
    throw new Error(`${path} is gone`);
  }
  async listRecent() {
    return this.recent;
  }
  async saveScenario(file: { path: string | null; suggestedName: string; text: string }) {
    if (this.failSave) throw this.failSave;
    if (file.path === null) return this.saveScenarioAs(file);
    this.saved.push({ path: file.path, name: file.suggestedName, text: file.text });
    return { path: file.path, name: file.suggestedName };
  }
  async saveScenarioAs(file: { suggestedName: string; text: string }) {
    if (this.failSave) throw this.failSave;
    const target = this.nextSaveAs;
    if (target) this.saved.push({ ...target, text: file.text });
    return target;
  }
  async exportFile(file: { suggestedName: string; bytes: Uint8Array; kind: 'xlsx' | 'png' | 'csv' }) {
    this.exported.push(file);
    return true;
  }
  async openDataFile() {
    return null;
  }
  async writeAutosave(entry: AutosaveEntry) {
    if (this.failAutosave) throw this.failAutosave;
    this.autosaves.set(entry.documentKey, entry);
  }
  async listAutosaves() {
    return [...this.autosaves.values()];
  }
  async clearAutosave(documentKey: string) {
    this.autosaves.delete(documentKey);
  }
  setDocumentState(state: { title: string; dirty: boolean }) {
    this.states.push(state);
  }
  onMenuCommand() {
    return () => undefined;
  }
  onOpenFile() {
    return () => undefined;
  }
}

const blank = templates.find((t) => t.id === 'blank')!;
const defaultTemplate = templates.find((t) => t.id === 'default.json')!;
const setP90 = (value: number) => (doc: ScenarioDocument) => setAtPointer(doc, '/drivers/monthly_requests/p90', value) as ScenarioDocument;
const p90Of = (store: AppStore) => (currentDocument(store.getState())?.drivers as Record<string, { p90: number }>).monthly_requests!.p90;

let forecasts: ForecastController | null = null;
afterEach(() => forecasts?.dispose());

function setUp(): { store: AppStore; platform: MemoryPlatform; commands: Commands } {
  const store = createAppStore();
  const platform = new MemoryPlatform();
  forecasts = startForecastController(store, inProcessWorker);
  return { store, platform, commands: createCommands(store, platform, forecasts) };
}

/** Answers the app's next question with `choice` as soon as it is asked. */
function answerNext(store: AppStore, choice: 'confirm' | 'alternative' | 'cancel'): void {
  const unsubscribe = store.subscribe((state) => {
    if (state.confirm) {
      unsubscribe();
      queueMicrotask(() => store.getState().answerConfirm(choice));
    }
  });
}

describe('new from a template', () => {
  it('opens a copy of the template on Assumptions, with nothing unsaved', async () => {
    const { store, commands } = setUp();
    await commands.newFromTemplate(defaultTemplate);
    const state = store.getState();
    expect(state.view).toBe('assumptions');
    expect(state.document?.file).toEqual({ name: 'default.json', path: null });
    expect(currentDocument(state)).toEqual(defaultTemplate.document);
    expect(currentDocument(state)).not.toBe(defaultTemplate.document);
    expect(isDirty(state.document)).toBe(false);
  });

  it('asks before replacing unsaved changes: Cancel keeps the document, Discard replaces it', async () => {
    const { store, commands } = setUp();
    await commands.newFromTemplate(blank);
    store.getState().edit('change p90', setP90(999_000));
    answerNext(store, 'cancel');
    await commands.newFromTemplate(defaultTemplate);
    expect(p90Of(store)).toBe(999_000);
    expect(store.getState().document?.file.name).toBe('untitled.json');

    answerNext(store, 'confirm');
    await commands.newFromTemplate(defaultTemplate);
    expect(store.getState().document?.file.name).toBe('default.json');
  });

  it('saves first when the answer is Save, then replaces', async () => {
    const { store, platform, commands } = setUp();
    await commands.newFromTemplate(blank);
    store.getState().edit('change p90', setP90(999_000));
    const edited = documentText(currentDocument(store.getState())!);
    answerNext(store, 'alternative');
    await commands.newFromTemplate(defaultTemplate);
    expect(platform.saved).toEqual([{ path: '/plans/fy27.json', name: 'fy27.json', text: edited }]);
    expect(store.getState().document?.file.name).toBe('default.json');
  });
});

describe('open', () => {
  it('refuses a malformed file with the precise place, and leaves the current document untouched', async () => {
    const { store, platform, commands } = setUp();
    await commands.newFromTemplate(blank);
    store.getState().edit('change p90', setP90(777_000));
    const before = store.getState().document;
    platform.nextOpen = { name: 'broken.json', path: null, text: '{\n  "format": "costcast/scenario",\n  "name": "x",,\n}' };
    answerNext(store, 'confirm');
    await commands.open();
    expect(store.getState().document).toBe(before);
    const notice = store.getState().notices.at(-1)!;
    expect(notice.tone).toBe('error');
    expect(notice.text).toBe('broken.json cannot be opened: 1 problem.');
    expect(notice.details).toEqual([expect.stringMatching(/^broken\.json:3:15: invalid JSON: .*missing comma/)]);
  });

  it('opens a valid file as saved and lists the recent files again', async () => {
    const { store, platform, commands } = setUp();
    const text = documentText(defaultTemplate.document);
    platform.nextOpen = { name: 'fy27.json', path: null, text };
    platform.recent = [{ name: 'fy27.json', path: 'id-1', openedAt: '2026-11-01T09:00:00.000Z' }];
    await commands.open();
    expect(store.getState().document?.file).toEqual({ name: 'fy27.json', path: null });
    expect(isDirty(store.getState().document)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().recent).toEqual(platform.recent);
  });

  it('reports a recent file that is gone and keeps the document', async () => {
    const { store, commands } = setUp();
    await commands.newFromTemplate(blank);
    const before = store.getState().document;
    await commands.openRecent('/plans/old.json');
    expect(store.getState().document).toBe(before);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: '/plans/old.json is gone' });
  });
});

describe('save', () => {
  it('asks where a new document goes, writes its text, marks it saved and drops its autosave', async () => {
    const { store, platform, commands } = setUp();
    await commands.newFromTemplate(blank);
    store.getState().edit('change p90', setP90(555_000));
    const key = store.getState().document!.key;
    platform.autosaves.set(key, { documentKey: key, name: 'untitled.json', savedAt: '2026-11-01T09:00:00.000Z', text: '{}' });
    expect(await commands.save()).toBe(true);
    expect(platform.saved.at(-1)).toEqual({ path: '/plans/fy27.json', name: 'fy27.json', text: documentText(currentDocument(store.getState())!) });
    expect(isDirty(store.getState().document)).toBe(false);
    expect(store.getState().document?.file).toEqual({ name: 'fy27.json', path: '/plans/fy27.json' });
    expect(platform.autosaves.has(key)).toBe(false);

    // Saved once, the next save goes to the same path without asking.
    store.getState().edit('change p90', setP90(556_000));
    platform.nextSaveAs = null;
    expect(await commands.save()).toBe(true);
    expect(platform.saved.at(-1)?.path).toBe('/plans/fy27.json');
  });

  it('keeps the changes and says so when the save fails or is cancelled', async () => {
    const { store, platform, commands } = setUp();
    await commands.newFromTemplate(blank);
    store.getState().edit('change p90', setP90(555_000));
    platform.failSave = new Error('disk full');
    expect(await commands.save()).toBe(false);
    expect(isDirty(store.getState().document)).toBe(true);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: 'untitled.json was not saved: disk full. Your changes are still here.' });
    platform.failSave = null;
    platform.nextSaveAs = null;
    expect(await commands.saveAs()).toBe(false);
    expect(isDirty(store.getState().document)).toBe(true);
  });
});

describe('recovery', () => {
  it('reopens an autosave as unsaved work under its name and forgets it from the list', async () => {
    const { store, platform, commands } = setUp();
    const text = documentText(setP90(888_000)(structuredClone(blank.document)));
    const entry = { documentKey: 'untitled-abc', name: 'untitled.json', savedAt: '2026-11-01T09:00:00.000Z', text };
    platform.autosaves.set(entry.documentKey, entry);
    await commands.refreshLists();
    expect(store.getState().autosaves).toEqual([entry]);
    await commands.recover(entry);
    expect(p90Of(store)).toBe(888_000);
    expect(store.getState().document).toMatchObject({ key: 'untitled-abc', file: { name: 'untitled.json', path: null }, savedText: null });
    expect(isDirty(store.getState().document)).toBe(true);
    expect(store.getState().autosaves).toEqual([]);
    // The open document's own autosave is not offered while it is open.
    await commands.refreshLists();
    expect(store.getState().autosaves).toEqual([]);
  });

  it('keeps a saved file\'s path when recovering its unsaved changes, and discards on request', async () => {
    const { store, platform, commands } = setUp();
    const entry = { documentKey: '/plans/fy27.json', name: 'fy27.json', savedAt: '2026-11-01T09:00:00.000Z', text: documentText(blank.document) };
    await commands.recover(entry);
    expect(store.getState().document?.file).toEqual({ name: 'fy27.json', path: '/plans/fy27.json' });
    const other = { documentKey: 'untitled-x', name: 'untitled.json', savedAt: '2026-11-01T09:00:00.000Z', text: '{}' };
    platform.autosaves.set(other.documentKey, other);
    store.getState().setAutosaves([other]);
    await commands.discardRecovery(other);
    expect(platform.autosaves.size).toBe(0);
    expect(store.getState().autosaves).toEqual([]);
  });

  it('refuses an autosave that cannot be read', async () => {
    const { store, commands } = setUp();
    await commands.recover({ documentKey: 'untitled-y', name: 'untitled.json', savedAt: '2026-11-01T09:00:00.000Z', text: '{"format":' });
    expect(store.getState().document).toBeNull();
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: 'The unsaved copy of untitled.json cannot be read.' });
  });
});

describe('export', () => {
  it('runs the full forecast first when needed and exports its workbook', async () => {
    const { store, platform, commands } = setUp();
    await commands.newFromTemplate(blank);
    store.getState().setRunTrials(2000);
    await commands.exportWorkbook();
    expect(store.getState().full.result?.trials).toBe(2000);
    const [file] = platform.exported;
    expect(file?.suggestedName).toBe('untitled plan.xlsx');
    expect(file?.kind).toBe('xlsx');
    const workbook = XLSX.read(file!.bytes, { type: 'array' });
    const summary = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Summary!, { header: 1, raw: true });
    expect(summary.find((row) => row[0] === 'Total')?.[2]).toBe(store.getState().full.result!.total.p50);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'info', text: 'Workbook exported.' });
  });

  it('refuses to export a document with problems', async () => {
    const { store, platform, commands } = setUp();
    await commands.newFromTemplate(blank);
    store.getState().edit('break', (doc) => setAtPointer(doc, '/workloads/0/requests', 'monthly_requests +') as ScenarioDocument);
    await commands.exportWorkbook();
    expect(platform.exported).toEqual([]);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: 'Fix the problems in the assumptions before exporting.' });
  });

  it('exports a chart image from its data URL as PNG bytes', async () => {
    const { platform, commands } = setUp();
    await commands.newFromTemplate(blank);
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a];
    await commands.exportImage('fan chart', `data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    expect(platform.exported[0]?.suggestedName).toBe('untitled fan chart.png');
    expect([...platform.exported[0]!.bytes]).toEqual(png);
  });
});

describe('undo, redo, run and cancel', () => {
  it('pass through to the store and the forecast controller', async () => {
    const { store, commands } = setUp();
    await commands.newFromTemplate(blank);
    store.getState().edit('change p90', setP90(450_000));
    commands.undo();
    expect(p90Of(store)).toBe(400_000);
    commands.redo();
    expect(p90Of(store)).toBe(450_000);
    store.getState().setRunTrials(1000);
    const running = commands.run();
    expect(store.getState().full.status).toBe('running');
    commands.cancel();
    await running;
    expect(store.getState().full.status).toBe('cancelled');
    commands.showNew();
    expect(store.getState().view).toBe('welcome');
  });
});
