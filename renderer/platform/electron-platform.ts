/**
 * The Electron host: the preload (electron/preload.ts) builds the Platform object from named IPC
 * calls and exposes it as `window.costcast`; the page only picks it up.
 */
import type { Platform } from './platform.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    readonly costcast?: Platform;
  }
}

/** The Platform the preload exposed, or null outside Electron. */
export function electronPlatform(host: Pick<Window, 'costcast'> = window): Platform | null {
  return host.costcast ?? null;
}
