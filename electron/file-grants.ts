/**
 * Which paths the renderer may name. A page that got compromised must not be able to read or
 * overwrite arbitrary files by passing a path over IPC, so the main process remembers the paths
 * the *user* chose (dialogs, recent files, files opened from the OS) and refuses any other.
 */
import path from 'node:path';

/** The set of granted paths of this session. */
export interface FileGrants {
  grant(file: string): void;
  isGranted(file: string): boolean;
}

/** An empty set; Windows compares paths case-insensitively. */
export function createFileGrants(platform: NodeJS.Platform = process.platform): FileGrants {
  const granted = new Set<string>();
  const keyOf = (file: string): string => (platform === 'win32' ? path.resolve(file).toLowerCase() : path.resolve(file));
  return {
    grant: (file) => void granted.add(keyOf(file)),
    isGranted: (file) => granted.has(keyOf(file)),
  };
}
