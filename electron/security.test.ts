import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  secureWebPreferences,
  senderRefusal,
  withContentSecurityPolicy,
} from './security.ts';
import type { HardenableContents, HardenableSession, NavigationEvent } from './security.ts';

const appRoot = path.resolve('/opt/Costcast/resources/app');
const indexHtml = path.join(appRoot, 'dist', 'renderer', 'index.html');
const packaged = { indexHtml, devServerUrl: null };
const development = { indexHtml, devServerUrl: 'http://127.0.0.1:5173' };
const appPage = pathToFileURL(indexHtml).href;

describe('isAppUrl', () => {
  it('accepts the built pages and their chunks, with a hash or query', () => {
    expect(isAppUrl(appPage, packaged)).toBe(true);
    expect(isAppUrl(`${appPage}#/forecast`, packaged)).toBe(true);
    expect(isAppUrl(pathToFileURL(path.join(appRoot, 'dist', 'renderer', 'assets', 'worker.js')).href, packaged)).toBe(true);
  });

  it('refuses other files, including by ../ traversal', () => {
    expect(isAppUrl(pathToFileURL(path.join(appRoot, 'package.json')).href, packaged)).toBe(false);
    expect(isAppUrl(`${pathToFileURL(path.join(appRoot, 'dist', 'renderer')).href}/../../../secrets.html`, packaged)).toBe(false);
    expect(isAppUrl(pathToFileURL(path.join(appRoot, 'dist', 'renderer-evil', 'index.html')).href, packaged)).toBe(false);
    expect(isAppUrl(pathToFileURL('/tmp/downloaded.html').href, packaged)).toBe(false);
  });

  it('accepts the dev server only in development, and only its exact origin', () => {
    expect(isAppUrl('http://127.0.0.1:5173/index.html', packaged)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/index.html', development)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5174/', development)).toBe(false);
    expect(isAppUrl('https://127.0.0.1:5173/', development)).toBe(false);
    expect(isAppUrl('http://example.com/', development)).toBe(false);
  });

  it('refuses garbage', () => {
    expect(isAppUrl('', packaged)).toBe(false);
    expect(isAppUrl('not a url', packaged)).toBe(false);
    expect(isAppUrl('about:blank', packaged)).toBe(false);
  });
});

describe('senderRefusal', () => {
  it('accepts the app page as top-level frame', () => {
    expect(senderRefusal({ senderFrame: { url: appPage, parent: null } }, packaged)).toBeNull();
  });

  it('names the reason for a foreign page, an embedded frame and a vanished frame', () => {
    expect(senderRefusal({ senderFrame: { url: 'https://evil.example/', parent: null } }, packaged)).toBe(
      'it came from https://evil.example/, not the Costcast window',
    );
    expect(senderRefusal({ senderFrame: { url: appPage, parent: {} } }, packaged)).toMatch(/embedded frame/);
    expect(senderRefusal({ senderFrame: null }, packaged)).toMatch(/gone/);
  });
});

describe('content security policy', () => {
  it('is the same in index.html as in the response header', () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows nothing from the network', () => {
    for (const directive of CONTENT_SECURITY_POLICY.split(';')) expect(directive).not.toMatch(/https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
  });

  it('replaces a policy the server sent, whatever its header case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

/** A fake of the Electron WebContents events hardening listens to. */
function fakeContents() {
  const listeners = new Map<string, (event: NavigationEvent) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: HardenableContents = {
    on: (event: string, listener: (event: NavigationEvent) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const emit = (name: string, url: string): boolean => {
    let prevented = false;
    listeners.get(name)?.({ url, preventDefault: () => void (prevented = true) });
    return prevented;
  };
  return { contents, emit, openWindow: (url: string) => openHandler?.({ url }) };
}

describe('hardenWebContents', () => {
  it('cancels navigation and redirects away from the app, allows reloading the app', () => {
    const { contents, emit } = fakeContents();
    hardenWebContents(contents, packaged);
    expect(emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(emit('will-navigate', pathToFileURL('/etc/passwd').href)).toBe(true);
    expect(emit('will-navigate', appPage)).toBe(false);
  });

  it('denies new windows and webviews', () => {
    const { contents, emit, openWindow } = fakeContents();
    hardenWebContents(contents, packaged);
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(openWindow(appPage)).toEqual({ action: 'deny' });
    expect(emit('will-attach-webview', appPage)).toBe(true);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const state: {
      request?: Parameters<HardenableSession['setPermissionRequestHandler']>[0];
      check?: () => boolean;
      headers?: Parameters<HardenableSession['webRequest']['onHeadersReceived']>[0];
    } = {};
    const session: HardenableSession = {
      setPermissionRequestHandler: (handler) => void (state.request = handler),
      setPermissionCheckHandler: (handler) => void (state.check = handler),
      webRequest: { onHeadersReceived: (listener) => void (state.headers = listener) },
    };
    return { session, state };
  }

  it('denies every permission request and check', () => {
    const { session, state } = fakeSession();
    hardenSession(session, { cspHeader: true });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      state.request?.({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
    }
    expect(state.check?.()).toBe(false);
  });

  it('adds the CSP header to responses, unless told not to', () => {
    const { session, state } = fakeSession();
    hardenSession(session, { cspHeader: true });
    let sent: Record<string, string[]> | undefined;
    state.headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => (sent = response.responseHeaders));
    expect(sent?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);

    const development = fakeSession();
    hardenSession(development.session, { cspHeader: false });
    expect(development.state.headers).toBeUndefined();
  });
});
