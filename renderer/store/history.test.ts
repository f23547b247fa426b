import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, closeStep, recordEdit, redo, redoLabel, startHistory, undo, undoLabel } from './history.ts';

describe('undo history', () => {
  it('undoes and redoes edits in order, with labels', () => {
    let h = startHistory('a');
    h = recordEdit(h, 'b', 'set b');
    h = recordEdit(h, 'c', 'set c');
    expect(undoLabel(h)).toBe('set c');
    h = undo(h);
    expect(h.present).toBe('b');
    expect(redoLabel(h)).toBe('set c');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe('c');
    expect(redo(h)).toBe(h);
  });

  it('collapses a drag (same coalesce key) into one step, and a new drag into another', () => {
    let h = startHistory(0);
    for (let v = 1; v <= 30; v++) h = recordEdit(h, v, 'drag', 'slider:/drivers/x:1');
    expect(h.past).toHaveLength(1);
    h = closeStep(h);
    for (let v = 31; v <= 40; v++) h = recordEdit(h, v, 'drag', 'slider:/drivers/x:1');
    expect(h.past).toHaveLength(2);
    expect(undo(h).present).toBe(30);
    expect(undo(undo(h)).present).toBe(0);
  });

  it('drops the redo branch on a new edit, ignores no-op edits and keeps a bounded past', () => {
    let h = recordEdit(recordEdit(startHistory('a'), 'b', 'b'), 'c', 'c');
    h = recordEdit(undo(h), 'd', 'd');
    expect(h.future).toEqual([]);
    expect(recordEdit(h, h.present, 'same')).toBe(h);
    let long = startHistory(0);
    for (let v = 1; v <= HISTORY_LIMIT + 50; v++) long = recordEdit(long, v, 'step');
    expect(long.past).toHaveLength(HISTORY_LIMIT);
    expect(long.past[0]!.value).toBe(50);
  });
});
