/** The file URL of `entry` (a path relative to the package) bundled into the cache, or null when it cannot be bundled here. */
export function bundledEntry(entry: string): Promise<string | null>;
