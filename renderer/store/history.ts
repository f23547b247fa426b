/**
 * Undo history of the open document as whole snapshots. Scenario documents are small JSON,
 * so a snapshot per step is simpler and safer than patches. Consecutive edits that carry the
 * same `coalesceKey` (one slider drag, one typing burst in a field) collapse into one step.
 */

export interface History<T> {
  past: HistoryStep<T>[];
  present: T;
  future: HistoryStep<T>[];
  /** The key of the step that produced `present`, while edits may still join it. */
  openKey: string | null;
}

export interface HistoryStep<T> {
  value: T;
  /** What the step after this one did, for "Undo rename driver" style labels. */
  label: string;
}

/** How many steps are kept; older ones are dropped. */
export const HISTORY_LIMIT = 200;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], openKey: null };
}

/** Records `next` as the new present. The same non-null `coalesceKey` as the last edit joins it. */
export function recordEdit<T>(history: History<T>, next: T, label: string, coalesceKey: string | null = null): History<T> {
  if (next === history.present) return history;
  if (coalesceKey !== null && coalesceKey === history.openKey) {
    return { ...history, present: next, future: [] };
  }
  const past = [...history.past, { value: history.present, label }];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, present: next, future: [], openKey: coalesceKey };
}

/** Closes the open step so that the next edit starts a new one even with the same key. */
export function closeStep<T>(history: History<T>): History<T> {
  return history.openKey === null ? history : { ...history, openKey: null };
}

export function undo<T>(history: History<T>): History<T> {
  const step = history.past[history.past.length - 1];
  if (!step) return history;
  return { past: history.past.slice(0, -1), present: step.value, future: [{ value: history.present, label: step.label }, ...history.future], openKey: null };
}

export function redo<T>(history: History<T>): History<T> {
  const [step, ...rest] = history.future;
  if (!step) return history;
  return { past: [...history.past, { value: history.present, label: step.label }], present: step.value, future: rest, openKey: null };
}

/** The label of what Undo / Redo would do, or null when there is nothing. */
export function undoLabel<T>(history: History<T>): string | null {
  return history.past[history.past.length - 1]?.label ?? null;
}

export function redoLabel<T>(history: History<T>): string | null {
  return history.future[0]?.label ?? null;
}
