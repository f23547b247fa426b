import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autosaveFileName, createAutosaveStore } from './autosave-store.ts';

let folder: string;
let directory: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'costcast-autosave-'));
  directory = path.join(folder, 'autosave');
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const entry = (documentKey: string, savedAt: string, text = '{"name":"x"}') => ({ documentKey, name: `${documentKey}.json`, savedAt, text });

describe('autosave store', () => {
  it('writes one file per document and lists them most recent first', async () => {
    const store = createAutosaveStore(directory);
    await store.write(entry('a', '2027-01-01T09:00:00.000Z'));
    await store.write(entry('b', '2027-01-01T10:00:00.000Z'));
    await store.write(entry('a', '2027-01-01T11:00:00.000Z', '{"name":"a2"}'));
    const listed = await store.list();
    expect(listed.map((saved) => [saved.documentKey, saved.text])).toEqual([
      ['a', '{"name":"a2"}'],
      ['b', '{"name":"x"}'],
    ]);
    expect(await fs.readdir(directory)).toHaveLength(2);
  });

  it('survives a restart: a new store lists what the old one wrote', async () => {
    await createAutosaveStore(directory).write(entry('untitled-1', '2027-01-01T09:00:00.000Z'));
    expect((await createAutosaveStore(directory).list()).map((saved) => saved.documentKey)).toEqual(['untitled-1']);
  });

  it('keeps every document key inside the autosave folder', async () => {
    const store = createAutosaveStore(directory);
    const hostile = '../../../etc/passwd';
    await store.write(entry(hostile, '2027-01-01T09:00:00.000Z'));
    expect(path.dirname(autosaveFileName(directory, hostile))).toBe(directory);
    expect(await fs.readdir(folder)).toEqual(['autosave']);
    expect((await store.list())[0]?.documentKey).toBe(hostile);
  });

  it('clears one document and tolerates clearing twice', async () => {
    const store = createAutosaveStore(directory);
    await store.write(entry('a', '2027-01-01T09:00:00.000Z'));
    await store.write(entry('b', '2027-01-01T09:00:00.000Z'));
    await store.clear('a');
    await store.clear('a');
    expect((await store.list()).map((saved) => saved.documentKey)).toEqual(['b']);
  });

  it('lists nothing before the first write', async () => {
    expect(await createAutosaveStore(directory).list()).toEqual([]);
  });

  it('skips damaged files and the temp files of an interrupted write', async () => {
    const store = createAutosaveStore(directory);
    await store.write(entry('good', '2027-01-01T09:00:00.000Z'));
    await fs.writeFile(path.join(directory, 'damaged.json'), '{"documentKey":"bad",');
    await fs.writeFile(path.join(directory, 'wrong-shape.json'), JSON.stringify({ documentKey: 'x', savedAt: 'yesterday' }));
    await fs.writeFile(path.join(directory, '.0123.json.abcdef.tmp'), JSON.stringify(entry('half', '2027-01-01T09:00:00.000Z')));
    expect((await store.list()).map((saved) => saved.documentKey)).toEqual(['good']);
  });

  it('applies overlapping writes of one document in call order', async () => {
    const store = createAutosaveStore(directory);
    await Promise.all([1, 2, 3, 4, 5].map((version) => store.write(entry('doc', `2027-01-01T09:0${version}:00.000Z`, `{"v":${version}}`))));
    expect((await store.list()).map((saved) => saved.text)).toEqual(['{"v":5}']);
  });
});
