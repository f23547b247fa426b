/**
 * Autosaves of the desktop app: one JSON file per document in `<userData>/autosave/`, named by a
 * hash of the document key so no key (a path, an id) can steer where the file lands. Written
 * atomically, listed at start so the UI can offer recovery after a crash, and removed once the
 * document is saved or the user discards it.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { z } from '../models/scenario/schema-library.ts';
import type { AutosaveEntry } from '../renderer/platform/platform.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { createSerialQueue } from './serial-queue.ts';

/** The shape of an autosave, on disk and over IPC. */
export const autosaveEntrySchema = z.strictObject({
  documentKey: z.string().min(1).max(4096),
  name: z.string().max(1024),
  savedAt: z.iso.datetime({ offset: true }),
  text: z.string().max(32 * 1024 * 1024),
});

/** Persists autosaves; see the module comment. */
export interface AutosaveStore {
  write(entry: AutosaveEntry): Promise<void>;
  /** Every readable autosave, most recent first; damaged files are skipped. */
  list(): Promise<AutosaveEntry[]>;
  clear(documentKey: string): Promise<void>;
}

/** The file holding the autosave of `documentKey` inside `directory`. */
export function autosaveFileName(directory: string, documentKey: string): string {
  return path.join(directory, `${createHash('sha256').update(documentKey).digest('hex').slice(0, 32)}.json`);
}

/** A store of autosaves in `directory` (normally `<userData>/autosave`), created on first write. */
export function createAutosaveStore(directory: string): AutosaveStore {
  // In order, so a slow older write can never land after a newer one.
  const queue = createSerialQueue();
  const readEntry = async (file: string): Promise<AutosaveEntry | null> => {
    try {
      const parsed = autosaveEntrySchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
  return {
    write: (entry) =>
      queue(async () => {
        await fs.mkdir(directory, { recursive: true });
        await writeFileAtomic(autosaveFileName(directory, entry.documentKey), JSON.stringify(entry));
      }),
    async list() {
      let names: string[];
      try {
        names = await fs.readdir(directory);
      } catch {
        return [];
      }
      // Temp files of an interrupted write start with a dot and end in .tmp: not autosaves.
      const files = names.filter((name) => name.endsWith('.json') && !name.startsWith('.'));
      const entries = await Promise.all(files.map((name) => readEntry(path.join(directory, name))));
      return entries
        .filter((entry): entry is AutosaveEntry => entry !== null)
        .sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
    },
    clear: (documentKey) => queue(() => fs.rm(autosaveFileName(directory, documentKey), { force: true })),
  };
}
