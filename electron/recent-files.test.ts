import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentFilesStore } from './recent-files.ts';

let folder: string;
let listFile: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'costcast-recent-'));
  listFile = path.join(folder, 'user-data', 'recent-files.json');
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

/** A clock that ticks one minute per call, so every add has a distinct time. */
function tickingClock(): () => Date {
  let minute = 0;
  return () => new Date(Date.UTC(2027, 0, 1, 9, minute++));
}

async function scenario(name: string): Promise<string> {
  const file = path.join(folder, name);
  await fs.writeFile(file, '{}');
  return file;
}

describe('recent files', () => {
  it('lists the most recent first, one entry per file', async () => {
    const store = createRecentFilesStore({ file: listFile, now: tickingClock() });
    const a = await scenario('a.json');
    const b = await scenario('b.json');
    await store.add(a);
    await store.add(b);
    await store.add(a);
    const files = await store.list();
    expect(files.map((file) => file.name)).toEqual(['a.json', 'b.json']);
    expect(files[0]).toEqual({ name: 'a.json', path: a, openedAt: '2027-01-01T09:02:00.000Z' });
  });

  it('persists the list as JSON in the user-data folder', async () => {
    const a = await scenario('a.json');
    await createRecentFilesStore({ file: listFile, now: tickingClock() }).add(a);
    const reopened = createRecentFilesStore({ file: listFile });
    expect((await reopened.list()).map((file) => file.path)).toEqual([a]);
    expect(JSON.parse(await fs.readFile(listFile, 'utf8'))).toMatchObject({ version: 1, files: [{ path: a }] });
  });

  it('keeps at most ten files, dropping the oldest', async () => {
    const store = createRecentFilesStore({ file: listFile, now: tickingClock() });
    for (let index = 0; index < 12; index++) await store.add(await scenario(`plan-${index}.json`));
    const names = (await store.list()).map((file) => file.name);
    expect(names).toHaveLength(10);
    expect(names[0]).toBe('plan-11.json');
    expect(names).not.toContain('plan-0.json');
    expect(names).not.toContain('plan-1.json');
  });

  it('prunes files that no longer exist, on disk too', async () => {
    const store = createRecentFilesStore({ file: listFile, now: tickingClock() });
    const kept = await scenario('kept.json');
    const gone = await scenario('gone.json');
    await store.add(kept);
    await store.add(gone);
    await fs.rm(gone);
    expect((await store.list()).map((file) => file.name)).toEqual(['kept.json']);
    expect(JSON.parse(await fs.readFile(listFile, 'utf8')).files).toHaveLength(1);
  });

  it('treats paths differing only in case as one file on Windows', async () => {
    const store = createRecentFilesStore({ file: listFile, now: tickingClock(), platform: 'win32', exists: async () => true });
    await store.add(path.join(folder, 'Plan.json'));
    await store.add(path.join(folder, 'plan.json'));
    expect(await store.list()).toHaveLength(1);
    expect(await store.includes(path.join(folder, 'PLAN.JSON'))).toBe(true);
  });

  it('keeps differently cased paths apart elsewhere', async () => {
    const store = createRecentFilesStore({ file: listFile, now: tickingClock(), platform: 'linux', exists: async () => true });
    await store.add(path.join(folder, 'Plan.json'));
    await store.add(path.join(folder, 'plan.json'));
    expect(await store.list()).toHaveLength(2);
  });

  it('removes an entry and answers includes()', async () => {
    const store = createRecentFilesStore({ file: listFile, now: tickingClock() });
    const a = await scenario('a.json');
    await store.add(a);
    expect(await store.includes(a)).toBe(true);
    expect(await store.remove(a)).toEqual([]);
    expect(await store.includes(a)).toBe(false);
  });

  it('starts a fresh list when the file is damaged or of another shape', async () => {
    await fs.mkdir(path.dirname(listFile), { recursive: true });
    const store = createRecentFilesStore({ file: listFile, now: tickingClock() });
    await fs.writeFile(listFile, '{"version":1,"files":[{"name":');
    expect(await store.list()).toEqual([]);
    await fs.writeFile(listFile, JSON.stringify({ version: 1, files: [{ path: 42 }] }));
    expect(await store.list()).toEqual([]);
    await store.add(await scenario('a.json'));
    expect(await store.list()).toHaveLength(1);
  });

  it('loses no entry when adds overlap', async () => {
    const store = createRecentFilesStore({ file: listFile, now: tickingClock() });
    const files = await Promise.all(['a', 'b', 'c', 'd'].map((name) => scenario(`${name}.json`)));
    await Promise.all(files.map((file) => store.add(file)));
    expect((await store.list()).map((file) => file.name).sort()).toEqual(['a.json', 'b.json', 'c.json', 'd.json']);
  });
});
