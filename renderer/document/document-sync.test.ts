/**
 * The document kept in step with its host: the title and unsaved-changes state follow every
 * change, and unsaved work is written to the autosave one quiet second after the last edit (not
 * per keystroke, not when there is nothing unsaved). Real store; the host records what it is told.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setAtPointer } from '../../models/scenario/json-pointer.ts';
import type { AutosaveEntry, Platform } from '../platform/platform.ts';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { AUTOSAVE_DELAY_MS, startDocumentSync } from './document-sync.ts';
import { documentText, type ScenarioDocument } from './document-text.ts';
import { blankDocument } from './templates.ts';

interface Host {
  platform: Platform;
  states: { title: string; dirty: boolean }[];
  autosaves: AutosaveEntry[];
  fail: Error | null;
}

function host(): Host {
  const record: Host = { states: [], autosaves: [], fail: null, platform: null as unknown as Platform };
  const unused = () => Promise.reject(new Error('not used here'));
  record.platform = {
    kind: 'web',
    openScenario: unused,
    openRecent: unused,
    listRecent: unused,
    saveScenario: unused,
    saveScenarioAs: unused,
    exportFile: unused,
    openDataFile: unused,
    listAutosaves: unused,
    clearAutosave: unused,
    async writeAutosave(entry) {
      if (record.fail) throw record.fail;
      record.autosaves.push(entry);
    },
    setDocumentState: (state) => record.states.push(state),
    onMenuCommand: () => () => undefined,
    onOpenFile: () => () => undefined,
  };
  return record;
}

const setP90 = (value: number) => (doc: ScenarioDocument) => setAtPointer(doc, '/drivers/monthly_requests/p90', value) as ScenarioDocument;

let stop: (() => void) | null = null;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

function opened(): { store: AppStore; record: Host } {
  const store = createAppStore();
  const record = host();
  stop = startDocumentSync(store, record.platform);
  const document = blankDocument(new Date(Date.UTC(2026, 10, 5)));
  store.getState().openDocument({ key: 'untitled-1', file: { name: 'plan.json', path: null }, savedText: documentText(document), document });
  return { store, record };
}

describe('document sync', () => {
  it('titles the window after the document and says when it holds unsaved changes', () => {
    const { store, record } = opened();
    expect(record.states).toEqual([{ title: 'plan.json', dirty: false }]);
    store.getState().edit('change', setP90(500_000));
    store.getState().edit('change', setP90(600_000));
    // Only a change of title or state is passed on, not every edit.
    expect(record.states).toEqual([
      { title: 'plan.json', dirty: false },
      { title: 'plan.json', dirty: true },
    ]);
    store.getState().undo();
    store.getState().undo();
    expect(record.states.at(-1)).toEqual({ title: 'plan.json', dirty: false });
  });

  it('writes the autosave one quiet second after the last edit, with the current text', async () => {
    const { store, record } = opened();
    store.getState().edit('change', setP90(500_000));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    store.getState().edit('change', setP90(600_000));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    expect(record.autosaves).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    expect(record.autosaves).toHaveLength(1);
    const [entry] = record.autosaves;
    expect(entry).toMatchObject({ documentKey: 'untitled-1', name: 'plan.json' });
    expect(entry!.text).toBe(documentText(store.getState().document!.history.present));
    expect(Number.isNaN(Date.parse(entry!.savedAt))).toBe(false);
  });

  it('writes nothing while there is nothing unsaved', async () => {
    const { store, record } = opened();
    store.getState().edit('change', setP90(500_000));
    store.getState().undo();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(record.autosaves).toEqual([]);
  });

  it('tells the user when the autosave cannot be written', async () => {
    const { store, record } = opened();
    record.fail = new Error('quota exceeded');
    store.getState().edit('change', setP90(500_000));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'error', text: 'Unsaved changes could not be kept safe: quota exceeded' });
  });
});
