/**
 * The recent-files list of the desktop app: `recent-files.json` in the user-data folder, at most
 * ten entries, one per file, most recent first. Files that no longer exist are pruned whenever
 * the list is read, so the Welcome screen and the File menu never offer a dead entry.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { z } from '../models/scenario/schema-library.ts';
import type { RecentFile } from '../renderer/platform/platform.ts';
import { pushRecent, sortRecent } from '../renderer/platform/recent-list.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { createSerialQueue } from './serial-queue.ts';

const recentFilesSchema = z.object({
  version: z.literal(1),
  files: z.array(z.object({ name: z.string(), path: z.string(), openedAt: z.string() })),
});

/** Reads and updates the persisted list; every method returns the list after the change. */
export interface RecentFilesStore {
  list(): Promise<RecentFile[]>;
  add(file: string): Promise<RecentFile[]>;
  remove(file: string): Promise<RecentFile[]>;
  /** Whether `file` is on the list (the renderer may only reopen listed files by path). */
  includes(file: string): Promise<boolean>;
}

/** Options of `createRecentFilesStore`. */
export interface RecentFilesOptions {
  /** The JSON file, normally `<userData>/recent-files.json`. */
  file: string;
  /** Windows paths are case-insensitive, so `C:\A.json` and `c:\a.json` are one entry there. */
  platform?: NodeJS.Platform;
  now?: () => Date;
  exists?: (file: string) => Promise<boolean>;
}

const fileExists = (file: string): Promise<boolean> =>
  fs.stat(file).then(
    (stats) => stats.isFile(),
    () => false,
  );

/** A store of the recent-files list kept in `options.file`. */
export function createRecentFilesStore(options: RecentFilesOptions): RecentFilesStore {
  const platform = options.platform ?? process.platform;
  const now = options.now ?? (() => new Date());
  const exists = options.exists ?? fileExists;
  const queue = createSerialQueue();
  const keyOf = (file: RecentFile | string): string => {
    const resolved = path.resolve(typeof file === 'string' ? file : file.path);
    return platform === 'win32' ? resolved.toLowerCase() : resolved;
  };

  const read = async (): Promise<RecentFile[]> => {
    let text: string;
    try {
      text = await fs.readFile(options.file, 'utf8');
    } catch {
      return [];
    }
    // A damaged list is not worth an error dialog: start a fresh one.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return [];
    }
    const parsed = recentFilesSchema.safeParse(json);
    return parsed.success ? sortRecent(parsed.data.files) : [];
  };
  const write = async (files: RecentFile[]): Promise<RecentFile[]> => {
    await fs.mkdir(path.dirname(options.file), { recursive: true });
    await writeFileAtomic(options.file, `${JSON.stringify({ version: 1, files }, null, 2)}\n`);
    return files;
  };
  const pruned = async (): Promise<RecentFile[]> => {
    const files = await read();
    const present = await Promise.all(files.map((file) => exists(file.path)));
    const kept = files.filter((_, index) => present[index]);
    return kept.length === files.length ? kept : write(kept);
  };

  return {
    list: () => queue(pruned),
    add: (file) =>
      queue(async () => {
        const entry = { name: path.basename(file), path: path.resolve(file), openedAt: now().toISOString() };
        return write(pushRecent(await read(), entry, keyOf).list);
      }),
    remove: (file) =>
      queue(async () => {
        const files = await read();
        const kept = files.filter((entry) => keyOf(entry) !== keyOf(file));
        return kept.length === files.length ? files : write(kept);
      }),
    includes: (file) => queue(async () => (await read()).some((entry) => keyOf(entry) === keyOf(file))),
  };
}
