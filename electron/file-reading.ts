/**
 * Reading user files for the renderer: size limits, UTF-8 checks and error messages a person can
 * act on instead of `ENOENT: no such file or directory, open '…'`.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_DATA_FILE_BYTES, MAX_SCENARIO_BYTES, tooLargeMessage } from '../renderer/platform/file-kinds.ts';
import type { OpenedFile } from '../renderer/platform/platform.ts';

const REASONS: Record<string, string> = {
  ENOENT: 'was not found. It may have been moved, renamed or deleted',
  EACCES: 'cannot be accessed: permission denied',
  EPERM: 'cannot be accessed: the operation is not permitted',
  EISDIR: 'is a folder, not a file',
  EROFS: 'is on a read-only disk',
  ENOSPC: 'could not be written: the disk is full',
  EDQUOT: 'could not be written: the disk quota is exceeded',
  EBUSY: 'is locked by another program',
  EMFILE: 'could not be opened: too many files are open',
  ENAMETOOLONG: 'has a name that is too long',
};

/** The system error code (`ENOENT`, `EACCES`…) of an fs error, or of the error it wraps. */
export function fileErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  if ('code' in error && typeof error.code === 'string') return error.code;
  return error.cause === undefined ? undefined : fileErrorCode(error.cause);
}

/** A sentence naming the file and what went wrong, for an error from reading or writing `file`. */
export function describeFileError(error: unknown, file: string): string {
  const code = fileErrorCode(error);
  const reason = code === undefined ? undefined : REASONS[code];
  if (reason !== undefined) return `"${path.basename(file)}" ${reason} (${file}).`;
  // Errors without a system code are our own and already name the file.
  if (code === undefined && error instanceof Error) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `"${path.basename(file)}" could not be used (${file}): ${detail}`;
}

/** Reads `file` whole, refusing files over `limit` bytes before reading them. */
async function readLimited(file: string, limit: number): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) throw new Error(tooLargeMessage(path.basename(file), size, limit));
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a scenario file as UTF-8 text (a byte-order mark is dropped); throws a readable Error. */
export async function readScenarioFile(file: string): Promise<OpenedFile> {
  const bytes = await readLimited(file, MAX_SCENARIO_BYTES);
  try {
    return { name: path.basename(file), path: file, text: UTF8.decode(bytes) };
  } catch {
    throw new Error(`"${path.basename(file)}" is not UTF-8 text, so it cannot be a Costcast scenario (${file}).`);
  }
}

/** Reads a usage-history file's bytes; the renderer parses them. */
export async function readDataFile(file: string): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: path.basename(file), bytes: await readLimited(file, MAX_DATA_FILE_BYTES) };
}
