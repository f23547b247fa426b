/**
 * Crash-safe file replacement. The target is never opened for writing: the new bytes go to a
 * temp file in the same folder (same file system, so rename is atomic), are flushed with fsync,
 * the previous version is copied to `<name>.bak`, and only then does a rename swap the new file
 * in. A crash at any point leaves either the old file or the new one at the target path, never
 * a mixture; leftover temp files are named `.<name>.<random>.tmp` and are safe to delete.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** The part of `node:fs/promises` atomic writes use; tests inject faults through it. */
export interface AtomicWriteFs {
  open(file: string, flags: string, mode?: number): Promise<{
    writeFile(data: Uint8Array | string): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  stat(file: string): Promise<{ mode: number }>;
  realpath(file: string): Promise<string>;
}

/** Options of `writeFileAtomic`. */
export interface AtomicWriteOptions {
  /** Keep the replaced version as `<name>.bak` next to the target (scenario saves do). */
  backup?: boolean;
  fs?: AtomicWriteFs;
}

/** Path of the backup kept for `target`: `plan.json` → `plan.json.bak`. */
export function backupPath(target: string): string {
  return `${target}.bak`;
}

/** A temp file name in `target`'s folder; hidden, unique, and recognisable as ours. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Writes `data` to a new file at `file` and flushes it to disk before returning. */
async function writeSynced(fs: AtomicWriteFs, file: string, data: Uint8Array | string, mode: number): Promise<void> {
  const handle = await fs.open(file, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes an existing file's contents to disk. */
async function syncFile(fs: AtomicWriteFs, file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder entry (the rename) to disk; Windows cannot open folders, which is harmless there. */
async function syncDirectory(fs: AtomicWriteFs, directory: string): Promise<void> {
  let handle: Awaited<ReturnType<AtomicWriteFs['open']>> | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'EBADF'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Resolves symlinks so the link stays a link and the file it points to is replaced. */
async function resolveTarget(fs: AtomicWriteFs, target: string): Promise<{ file: string; exists: boolean; mode: number }> {
  try {
    const file = await fs.realpath(target);
    return { file, exists: true, mode: (await fs.stat(file)).mode & 0o777 };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { file: path.resolve(target), exists: false, mode: 0o666 };
    throw error;
  }
}

/**
 * Replaces `target` with `data` atomically (see the module comment), keeping the previous version
 * as `<target>.bak` when `options.backup` is set. On failure the target is untouched, the temp
 * file is removed, and the error is rethrown.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const { file, exists, mode } = await resolveTarget(fs, target);
  const temp = tempPathFor(file);
  const staged: string[] = [temp];
  try {
    await writeSynced(fs, temp, data, mode);
    if (options.backup === true && exists) {
      // The backup is itself swapped in by rename, so `.bak` is always a whole earlier version.
      const backupTemp = tempPathFor(backupPath(file));
      staged.push(backupTemp);
      await fs.copyFile(file, backupTemp);
      await syncFile(fs, backupTemp);
      await fs.rename(backupTemp, backupPath(file));
    }
    await fs.rename(temp, file);
  } catch (error) {
    await Promise.all(staged.map((leftover) => fs.unlink(leftover).catch(() => undefined)));
    throw error;
  }
  await syncDirectory(fs, path.dirname(file));
}
