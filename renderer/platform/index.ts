/** The UI's entry to its host: Electron when the preload exposed `window.costcast`, the browser otherwise. */
import { electronPlatform } from './electron-platform.ts';
import type { Platform } from './platform.ts';
import { createWebPlatform } from './web-platform.ts';

export type { AutosaveEntry, ExportKind, MenuCommand, OpenedFile, Platform, RecentFile, SavedFile } from './platform.ts';

let current: Platform | null = null;

/** The host services of this window, created once. */
export function getPlatform(): Platform {
  current ??= electronPlatform() ?? createWebPlatform();
  return current;
}
