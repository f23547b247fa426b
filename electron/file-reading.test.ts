import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeFileError, fileErrorCode, readDataFile, readScenarioFile } from './file-reading.ts';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'costcast-read-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('readScenarioFile', () => {
  it('reads UTF-8 text and drops a byte-order mark', async () => {
    const file = path.join(folder, 'plan.json');
    await fs.writeFile(file, '\uFEFF{"name":"Café"}');
    expect(await readScenarioFile(file)).toEqual({ name: 'plan.json', path: file, text: '{"name":"Café"}' });
  });

  it('refuses bytes that are not UTF-8', async () => {
    const file = path.join(folder, 'plan.json');
    await fs.writeFile(file, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    await expect(readScenarioFile(file)).rejects.toThrow(`"plan.json" is not UTF-8 text, so it cannot be a Costcast scenario (${file}).`);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = path.join(folder, 'huge.json');
    // A sparse file: 40 MiB long without 40 MiB of disk.
    await fs.writeFile(file, '');
    await fs.truncate(file, 40 * 1024 * 1024);
    await expect(readScenarioFile(file)).rejects.toThrow('"huge.json" is 40.0 MiB, larger than the 32.0 MiB Costcast reads.');
  });
});

describe('readDataFile', () => {
  it('returns the bytes unchanged', async () => {
    const file = path.join(folder, 'usage.xlsx');
    await fs.writeFile(file, new Uint8Array([0x50, 0x4b, 3, 4, 0xff]));
    const read = await readDataFile(file);
    expect(read.name).toBe('usage.xlsx');
    expect([...read.bytes]).toEqual([0x50, 0x4b, 3, 4, 0xff]);
  });
});

describe('describeFileError', () => {
  it('turns a missing file into a sentence with its name and path', async () => {
    const file = path.join(folder, 'gone.json');
    const error = await readScenarioFile(file).catch((caught: unknown) => caught);
    expect(fileErrorCode(error)).toBe('ENOENT');
    expect(describeFileError(error, file)).toBe(`"gone.json" was not found. It may have been moved, renamed or deleted (${file}).`);
  });

  it('reports a folder given as a file', async () => {
    const error = await readScenarioFile(folder).catch((caught: unknown) => caught);
    expect(describeFileError(error, folder)).toMatch(/is a folder, not a file/);
  });

  it('passes our own readable errors through and finds codes in causes', () => {
    expect(describeFileError(new Error('"x.json" is 40.0 MiB, larger than…'), '/x.json')).toBe('"x.json" is 40.0 MiB, larger than…');
    const wrapped = new Error('outer', { cause: Object.assign(new Error('inner'), { code: 'EACCES' }) });
    expect(fileErrorCode(wrapped)).toBe('EACCES');
    expect(describeFileError(wrapped, '/x.json')).toBe('"x.json" cannot be accessed: permission denied (/x.json).');
  });

  it('keeps the system message for codes without a sentence', () => {
    const error = Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
    expect(describeFileError(error, '/x.json')).toBe('"x.json" could not be used (/x.json): EXDEV: cross-device link not permitted');
  });
});
