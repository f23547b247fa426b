import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPath, writeFileAtomic } from './atomic-write.ts';
import type { AtomicWriteFs } from './atomic-write.ts';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'costcast-atomic-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const OLD = '{"name":"old plan","months":12}\n';
const NEW = `{"name":"new plan","months":24,"notes":"${'x'.repeat(100_000)}"}\n`;

/** Real fs with one operation replaced: the fault a crash or a full disk would cause. */
function faultyFs(overrides: Partial<AtomicWriteFs>): AtomicWriteFs {
  return {
    open: (file, flags, mode) => fs.open(file, flags, mode),
    rename: fs.rename,
    copyFile: fs.copyFile,
    unlink: fs.unlink,
    stat: fs.stat,
    realpath: fs.realpath,
    ...overrides,
  };
}

const listFolder = async (): Promise<string[]> => (await fs.readdir(folder)).sort();

describe('writeFileAtomic', () => {
  it('creates a new file without a backup and leaves no temp file', async () => {
    const target = path.join(folder, 'plan.json');
    await writeFileAtomic(target, NEW, { backup: true });
    expect(await fs.readFile(target, 'utf8')).toBe(NEW);
    expect(await listFolder()).toEqual(['plan.json']);
  });

  it('replaces an existing file and keeps the previous version as .bak', async () => {
    const target = path.join(folder, 'plan.json');
    await fs.writeFile(target, OLD);
    await writeFileAtomic(target, NEW, { backup: true });
    expect(await fs.readFile(target, 'utf8')).toBe(NEW);
    expect(await fs.readFile(backupPath(target), 'utf8')).toBe(OLD);
    expect(await listFolder()).toEqual(['plan.json', 'plan.json.bak']);
  });

  it('writes bytes and keeps no backup unless asked', async () => {
    const target = path.join(folder, 'chart.png');
    await fs.writeFile(target, 'old');
    await writeFileAtomic(target, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect([...(await fs.readFile(target))]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await listFolder()).toEqual(['chart.png']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const target = path.join(folder, 'private.json');
    await fs.writeFile(target, OLD, { mode: 0o600 });
    await fs.chmod(target, 0o600);
    await writeFileAtomic(target, NEW);
    expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
  });

  it('replaces the file a symlink points to and keeps the link', async () => {
    const real = path.join(folder, 'real.json');
    const link = path.join(folder, 'link.json');
    await fs.writeFile(real, OLD);
    await fs.symlink(real, link);
    await writeFileAtomic(link, NEW, { backup: true });
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toBe(NEW);
    expect(await fs.readFile(backupPath(real), 'utf8')).toBe(OLD);
  });

  describe('a crash during save leaves the previous file intact', () => {
    it('when the write fails halfway (disk full)', async () => {
      const target = path.join(folder, 'plan.json');
      await fs.writeFile(target, OLD);
      const diskFull = faultyFs({
        open: async (file, flags, mode) => {
          const handle = await fs.open(file, flags, mode);
          return {
            // Half the bytes reach the temp file, then the disk is full.
            writeFile: async (data) => {
              const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
              await handle.writeFile(text.slice(0, text.length / 2));
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            },
            sync: () => handle.sync(),
            close: () => handle.close(),
          };
        },
      });
      await expect(writeFileAtomic(target, NEW, { backup: true, fs: diskFull })).rejects.toThrow('ENOSPC');
      expect(await fs.readFile(target, 'utf8')).toBe(OLD);
      expect(JSON.parse(await fs.readFile(target, 'utf8'))).toEqual({ name: 'old plan', months: 12 });
      // The half-written temp file was removed; nothing but the old file remains.
      expect(await listFolder()).toEqual(['plan.json']);
    });

    it('when the process dies after writing the temp file, before the rename', async () => {
      const target = path.join(folder, 'plan.json');
      await fs.writeFile(target, OLD);
      // A dead process neither renames nor cleans up: rename throws and unlink does nothing.
      const dies = faultyFs({
        rename: async (from, to) => {
          if (to === target) throw new Error('process killed before rename');
          await fs.rename(from, to);
        },
        unlink: async () => undefined,
      });
      await expect(writeFileAtomic(target, NEW, { backup: true, fs: dies })).rejects.toThrow('process killed');
      expect(await fs.readFile(target, 'utf8')).toBe(OLD);
      const leftovers = (await listFolder()).filter((name) => name.endsWith('.tmp'));
      expect(leftovers).toHaveLength(1);
      expect(leftovers[0]).toMatch(/^\.plan\.json\.[0-9a-f]{12}\.tmp$/);
      // The leftover holds the complete new text (it was fsynced), and never sits at the target path.
      expect(await fs.readFile(path.join(folder, leftovers[0] ?? ''), 'utf8')).toBe(NEW);

      // After a restart the next save succeeds despite the leftover.
      await writeFileAtomic(target, NEW, { backup: true });
      expect(await fs.readFile(target, 'utf8')).toBe(NEW);
      expect(await fs.readFile(backupPath(target), 'utf8')).toBe(OLD);
    });

    it('when the rename fails and the process survives: the temp file is removed', async () => {
      const target = path.join(folder, 'plan.json');
      await fs.writeFile(target, OLD);
      const renameFails = faultyFs({
        rename: async (from, to) => {
          if (to === target) throw Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });
          await fs.rename(from, to);
        },
      });
      await expect(writeFileAtomic(target, NEW, { backup: true, fs: renameFails })).rejects.toThrow('EBUSY');
      expect(await fs.readFile(target, 'utf8')).toBe(OLD);
      expect(await listFolder()).toEqual(['plan.json', 'plan.json.bak']);
    });
  });
});
