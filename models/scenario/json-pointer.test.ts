import { describe, expect, it } from 'vitest';
import { getAtPointer, pointerKeys, pointerOf, removeAtPointer, setAtPointer } from './json-pointer.ts';

const doc = { drivers: { 'a/b': 1, c: 2 }, workloads: [{ id: 'x' }, { id: 'y' }] };

describe('JSON pointers', () => {
  it('escapes and unescapes keys with / and ~', () => {
    expect(pointerOf(['drivers', 'a/b', 'x~y'])).toBe('/drivers/a~1b/x~0y');
    expect(pointerKeys('/drivers/a~1b/x~0y')).toEqual(['drivers', 'a/b', 'x~y']);
  });

  it('reads, sets and removes values in copies', () => {
    expect(getAtPointer(doc, '/drivers/a~1b')).toBe(1);
    expect(getAtPointer(doc, '/workloads/1/id')).toBe('y');
    expect(getAtPointer(doc, '/nothing/here')).toBeUndefined();
    expect(setAtPointer(doc, '/drivers/c', 3)).toEqual({ ...doc, drivers: { 'a/b': 1, c: 3 } });
    expect(removeAtPointer(doc, '/drivers/a~1b')).toEqual({ ...doc, drivers: { c: 2 } });
    expect(removeAtPointer(doc, '/workloads/0')).toEqual({ ...doc, workloads: [{ id: 'y' }] });
    // Absent paths leave the document as it was; the input is never changed.
    expect(removeAtPointer(doc, '/pricing/spot')).toEqual(doc);
    expect(doc.workloads).toHaveLength(2);
  });
});
