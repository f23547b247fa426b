/**
 * The recent-files list as data: both hosts keep at most `MAX_RECENT_FILES` entries, most recent
 * first, one per file. What "the same file" means differs (a path on Electron, a name on the
 * web), so the caller passes that key.
 */
import type { RecentFile } from './platform.ts';

/** How many recent files the Welcome screen and the File menu show. */
export const MAX_RECENT_FILES = 10;

/** The list after (re)opening `entry`, plus the entries that fell off so their storage can be freed. */
export interface RecentListUpdate {
  list: RecentFile[];
  dropped: RecentFile[];
}

/** Puts `entry` first, removes earlier entries with the same key and trims to `max` entries. */
export function pushRecent(
  list: readonly RecentFile[],
  entry: RecentFile,
  keyOf: (file: RecentFile) => string,
  max = MAX_RECENT_FILES,
): RecentListUpdate {
  const key = keyOf(entry);
  const others = list.filter((file) => keyOf(file) !== key);
  const dropped = list.filter((file) => keyOf(file) === key && file.path !== entry.path);
  const ordered = [entry, ...sortRecent(others)];
  return { list: ordered.slice(0, max), dropped: [...dropped, ...ordered.slice(max)] };
}

/** Most recent first; ties keep their order. ISO 8601 timestamps in UTC compare as strings. */
export function sortRecent(list: readonly RecentFile[]): RecentFile[] {
  return [...list].sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0));
}
