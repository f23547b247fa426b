/**
 * Everything that locks the window down, in one place: web preferences, the content security
 * policy, navigation and window-open denial, permission denial, and the rule deciding which
 * page may talk to the main process. Electron's security checklist, applied.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebPreferences } from 'electron';

/** The policy of every page: nothing but the app's own files; inline styles for the chart library. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'";

/**
 * Web preferences of the app window. The remote module no longer exists in Electron, so there is
 * nothing to disable for it; experimental features and insecure content stay off by default and
 * are set explicitly so a reader need not know the defaults.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Where the renderer may legitimately come from. */
export interface RendererOrigin {
  /** Absolute path of the built `index.html`; its folder holds every app page and chunk. */
  indexHtml: string;
  /** `http://127.0.0.1:5173` during development with the Vite dev server, else null. */
  devServerUrl: string | null;
}

/** Whether `url` is a page of this app: a file under the built renderer folder, or the dev server's origin. */
export function isAppUrl(url: string, origin: RendererOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    // Compare real paths: `file:///app/dist/renderer/../../secrets.html` must not pass.
    let file: string;
    try {
      file = fileURLToPath(parsed);
    } catch {
      return false;
    }
    const root = path.dirname(path.resolve(origin.indexHtml));
    const relative = path.relative(root, path.resolve(file));
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }
  return origin.devServerUrl !== null && parsed.origin === new URL(origin.devServerUrl).origin;
}

/** The parts of an IPC event that identify who sent it (Electron's `IpcMainEvent` has them). */
export interface IpcSender {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * Null when the message came from the app's own top-level page, else a sentence saying why it is
 * refused. Frames inside the page (there are none in Costcast) and foreign pages never qualify.
 */
export function senderRefusal(event: IpcSender, origin: RendererOrigin): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the window that sent it is gone';
  if (frame.parent !== null) return 'it came from an embedded frame, not the Costcast window';
  if (!isAppUrl(frame.url, origin)) return `it came from ${frame.url || 'an unknown page'}, not the Costcast window`;
  return null;
}

/** Response headers with the content security policy added (replacing any the server sent). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/** A navigation about to happen; `preventDefault` cancels it. */
export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** The events of a web contents that hardening hooks into (a subset of Electron's `WebContents`). */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Denies every navigation away from the app and every new window or webview. Links to the web are
 * not opened either: the app is offline and shows no external links.
 */
export function hardenWebContents(contents: HardenableContents, origin: RendererOrigin): void {
  const stayInApp = (event: NavigationEvent): void => {
    if (!isAppUrl(event.url, origin)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The session hooks hardening uses (a subset of Electron's `Session`). */
export interface HardenableSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Denies every permission (camera, notifications, geolocation…: Costcast needs none) and, with
 * `cspHeader`, adds the CSP header to every response. index.html carries the same policy as a
 * meta tag because file pages may have no headers at all. Development turns the header off: the
 * dev server's page needs one inline script for hot reload, which its own meta tag allows.
 */
export function hardenSession(session: HardenableSession, options: { cspHeader: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  if (options.cspHeader) {
    session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
  }
}
