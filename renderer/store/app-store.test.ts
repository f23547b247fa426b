/**
 * The app store as the UI drives it: opening, edits as undo steps (a slider drag as one), undo and
 * redo with their labels, the revision that every change bumps, which result a view shows, and
 * whether the document holds unsaved work. Real store, real history, real document text.
 */
import { describe, expect, it } from 'vitest';
import { setAtPointer } from '../../models/scenario/json-pointer.ts';
import type { ForecastResult } from '../../models/simulate/result.ts';
import { documentText, type ScenarioDocument } from '../document/document-text.ts';
import { blankDocument } from '../document/templates.ts';
import { redoLabel, undoLabel } from './history.ts';
import { createAppStore, currentDocument, isDirty, shownResult, type AppStore } from './app-store.ts';

const file = { name: 'plan.json', path: null };

function opened(document: ScenarioDocument = blankDocument(new Date(Date.UTC(2026, 10, 5)))): AppStore {
  const store = createAppStore();
  store.getState().openDocument({ key: 'untitled-1', file, savedText: documentText(document), document });
  return store;
}

const setP90 = (value: number) => (document: ScenarioDocument) => setAtPointer(document, '/drivers/monthly_requests/p90', value) as ScenarioDocument;
const p90Of = (store: AppStore) => ((currentDocument(store.getState())!.drivers as Record<string, { p90: number }>).monthly_requests!.p90);
const revisionOf = (store: AppStore) => store.getState().document!.revision;

/** A stand-in result: only its identity and trial count matter to the store. */
const result = (trials: number) => ({ trials }) as ForecastResult;

describe('opening a document', () => {
  it('starts a fresh history on Assumptions-ready state, counts a revision and forgets the old runs', () => {
    const store = opened();
    const state = store.getState();
    expect(state.document?.revision).toBe(1);
    expect(state.document?.history.past).toEqual([]);
    state.previewFinished(1, result(2000), 12);
    state.setRunTrials(50_000);
    state.openDocument({ key: 'untitled-2', file: { name: 'other.json', path: null }, savedText: null, document: blankDocument() });
    expect(store.getState().document?.revision).toBe(2);
    expect(store.getState().preview.result).toBeNull();
    expect(store.getState().full.result).toBeNull();
    expect(store.getState().runTrials).toBeNull();
  });
});

describe('edits, undo and redo', () => {
  it('makes each edit one undo step with its label, and bumps the revision on every change', () => {
    const store = opened();
    store.getState().edit('change monthly_requests p90', setP90(500_000));
    store.getState().edit('change monthly_requests p90', setP90(600_000));
    expect(p90Of(store)).toBe(600_000);
    expect(revisionOf(store)).toBe(3);
    const history = store.getState().document!.history;
    expect(history.past).toHaveLength(2);
    expect(undoLabel(history)).toBe('change monthly_requests p90');

    store.getState().undo();
    expect(p90Of(store)).toBe(500_000);
    expect(revisionOf(store)).toBe(4);
    expect(redoLabel(store.getState().document!.history)).toBe('change monthly_requests p90');
    store.getState().undo();
    expect(p90Of(store)).toBe(400_000);
    // Nothing left to undo: no change, no new revision.
    store.getState().undo();
    expect(revisionOf(store)).toBe(5);
    store.getState().redo();
    store.getState().redo();
    expect(p90Of(store)).toBe(600_000);
    expect(revisionOf(store)).toBe(7);
    store.getState().redo();
    expect(revisionOf(store)).toBe(7);
  });

  it('collapses a slider drag (one coalesce key) into one step; the next drag is a new step', () => {
    const store = opened();
    for (const value of [410_000, 420_000, 430_000, 440_000]) store.getState().edit('change monthly_requests p90', setP90(value), 'slider:/drivers/monthly_requests/p90:1');
    expect(store.getState().document!.history.past).toHaveLength(1);
    // Every step of the drag is a new document revision (the preview follows the drag).
    expect(revisionOf(store)).toBe(5);
    store.getState().closeEditStep();
    store.getState().edit('change monthly_requests p90', setP90(450_000), 'slider:/drivers/monthly_requests/p90:1');
    expect(store.getState().document!.history.past).toHaveLength(2);
    store.getState().undo();
    expect(p90Of(store)).toBe(440_000);
    store.getState().undo();
    expect(p90Of(store)).toBe(400_000);
  });

  it('ignores an edit that changes nothing: no undo step, same revision', () => {
    const store = opened();
    store.getState().edit('nothing', (document) => document);
    expect(store.getState().document!.history.past).toHaveLength(0);
    expect(revisionOf(store)).toBe(1);
    // Without a document, edits and undo are harmless no-ops.
    const empty = createAppStore();
    empty.getState().edit('x', setP90(1));
    empty.getState().undo();
    expect(empty.getState().document).toBeNull();
  });
});

describe('unsaved changes', () => {
  it('are there after an edit, gone when undone back to the saved text, and gone after a save', () => {
    const store = opened();
    expect(isDirty(store.getState().document)).toBe(false);
    store.getState().edit('change', setP90(900_000));
    expect(isDirty(store.getState().document)).toBe(true);
    store.getState().undo();
    expect(isDirty(store.getState().document)).toBe(false);
    store.getState().redo();
    const text = documentText(currentDocument(store.getState())!);
    store.getState().markSaved({ name: 'saved.json', path: '/tmp/saved.json' }, text, '/tmp/saved.json');
    expect(isDirty(store.getState().document)).toBe(false);
    expect(store.getState().document?.file).toEqual({ name: 'saved.json', path: '/tmp/saved.json' });
    expect(store.getState().document?.key).toBe('/tmp/saved.json');
  });

  it('are always there in recovered work that was never saved, and never without a document', () => {
    const store = createAppStore();
    expect(isDirty(store.getState().document)).toBe(false);
    store.getState().openDocument({ key: 'untitled-9', file, savedText: null, document: blankDocument() });
    expect(isDirty(store.getState().document)).toBe(true);
  });
});

describe('which result a view shows', () => {
  it('shows the full run of this revision, else the freshest preview, else the last full run as stale', () => {
    const store = opened();
    expect(shownResult(store.getState())).toBeNull();
    const preview1 = result(2000);
    store.getState().previewStarted(1, 2000);
    store.getState().previewFinished(1, preview1, 10);
    expect(shownResult(store.getState())).toEqual({ result: preview1, kind: 'preview', stale: false });

    const full1 = result(10_000);
    store.getState().fullStarted(1, 10_000);
    // While the full run is going, the preview stays on screen.
    expect(shownResult(store.getState())?.kind).toBe('preview');
    store.getState().fullFinished(full1, 900);
    expect(shownResult(store.getState())).toEqual({ result: full1, kind: 'full', stale: false });

    // An edit: the full run no longer describes the document; until its preview lands, the old preview is stale.
    store.getState().edit('change', setP90(700_000));
    expect(shownResult(store.getState())).toEqual({ result: preview1, kind: 'preview', stale: true });
    const preview2 = result(2000);
    store.getState().previewFinished(2, preview2, 10);
    expect(shownResult(store.getState())).toEqual({ result: preview2, kind: 'preview', stale: false });
  });

  it('falls back to the last full run, marked stale, when there is no preview', () => {
    const store = opened();
    const full = result(10_000);
    store.getState().fullStarted(1, 10_000);
    store.getState().fullFinished(full, 900);
    store.getState().edit('change', setP90(700_000));
    expect(shownResult(store.getState())).toEqual({ result: full, kind: 'full', stale: true });
  });
});

describe('run state', () => {
  it('counts the trials, then the summary steps, and ignores progress once the run stopped', () => {
    const store = opened();
    store.getState().fullStarted(1, 100_000);
    store.getState().fullProgress(25_000, 100_000, 'trials');
    expect(store.getState().full).toMatchObject({ status: 'running', done: 25_000, trials: 100_000, summary: null });
    store.getState().fullProgress(100_000, 100_000, 'trials');
    store.getState().fullProgress(120, 510, 'summary');
    expect(store.getState().full).toMatchObject({ done: 100_000, trials: 100_000, summary: { done: 120, total: 510 } });
    store.getState().fullStopped('cancelled');
    store.getState().fullProgress(300, 510, 'summary');
    expect(store.getState().full).toMatchObject({ status: 'cancelled', summary: { done: 120, total: 510 } });
    // A new run starts from nothing.
    store.getState().fullStarted(1, 10_000);
    expect(store.getState().full).toMatchObject({ status: 'running', done: 0, trials: 10_000, summary: null, error: null });
  });

  it('keeps a failed run\'s message and a failed preview\'s', () => {
    const store = opened();
    store.getState().fullStarted(1, 10_000);
    store.getState().fullStopped('error', 'the engine said no');
    expect(store.getState().full).toMatchObject({ status: 'error', error: 'the engine said no' });
    store.getState().previewStarted(1, 2000);
    store.getState().previewFailed(1, 'no preview');
    expect(store.getState().preview).toMatchObject({ status: 'error', revision: 1, error: 'no preview' });
  });
});

describe('notices and questions', () => {
  it('keeps the five newest notices and dismisses by id', () => {
    const store = createAppStore();
    for (let i = 1; i <= 7; i++) store.getState().notify('info', `notice ${i}`);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['notice 3', 'notice 4', 'notice 5', 'notice 6', 'notice 7']);
    store.getState().notify('error', 'refused', ['line 1', 'line 2']);
    const last = store.getState().notices.at(-1)!;
    expect(last).toMatchObject({ tone: 'error', text: 'refused', details: ['line 1', 'line 2'] });
    store.getState().dismissNotice(last.id);
    expect(store.getState().notices.some((n) => n.id === last.id)).toBe(false);
  });

  it('answers a question once; a new question cancels the one still open', async () => {
    const store = createAppStore();
    const first = store.getState().askConfirm({ title: 'Unsaved changes', message: '…', confirmLabel: 'Discard changes' });
    const second = store.getState().askConfirm({ title: 'Unsaved changes', message: '…', confirmLabel: 'Discard changes', alternativeLabel: 'Save' });
    expect(await first).toBe('cancel');
    expect(store.getState().confirm?.alternativeLabel).toBe('Save');
    store.getState().answerConfirm('alternative');
    expect(await second).toBe('alternative');
    expect(store.getState().confirm).toBeNull();
  });
});
