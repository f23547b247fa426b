import { describe, expect, it } from 'vitest';
import type { RecentFile } from './platform.ts';
import { MAX_RECENT_FILES, pushRecent, sortRecent } from './recent-list.ts';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 1, 9, minute)).toISOString();
const file = (name: string, path: string, minute: number): RecentFile => ({ name, path, openedAt: at(minute) });
const byName = (entry: RecentFile) => entry.name;

describe('pushRecent', () => {
  it('puts the opened file first and removes its older entry', () => {
    const list = [file('b', 'id-b', 2), file('a', 'id-a', 1)];
    const { list: next, dropped } = pushRecent(list, file('a', 'id-a2', 3), byName);
    expect(next.map((entry) => entry.path)).toEqual(['id-a2', 'id-b']);
    // The old copy has another storage id, so its storage can be freed.
    expect(dropped.map((entry) => entry.path)).toEqual(['id-a']);
  });

  it('does not report the reopened entry as dropped when its path is unchanged', () => {
    const { dropped } = pushRecent([file('a', '/a.json', 1)], file('a', '/a.json', 2), (entry) => entry.path);
    expect(dropped).toEqual([]);
  });

  it(`keeps at most ${MAX_RECENT_FILES} entries, dropping the oldest`, () => {
    const list = Array.from({ length: MAX_RECENT_FILES }, (_, index) => file(`f${index}`, `id${index}`, index));
    const { list: next, dropped } = pushRecent(list, file('new', 'id-new', 60), byName);
    expect(next).toHaveLength(MAX_RECENT_FILES);
    expect(next[0]?.name).toBe('new');
    expect(dropped.map((entry) => entry.name)).toEqual(['f0']);
  });

  it('orders an unsorted list newest first', () => {
    expect(sortRecent([file('old', '1', 1), file('new', '2', 5), file('mid', '3', 3)]).map(byName)).toEqual(['new', 'mid', 'old']);
  });
});
