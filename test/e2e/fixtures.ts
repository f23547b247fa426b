/**
 * The `test` every web e2e spec imports. It fails a test that logs a console error or an
 * uncaught exception, and one whose page (or its workers) tries to reach anything but the local
 * preview server: Costcast makes no network requests at all.
 */
import { test as base, expect } from '@playwright/test';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';

/** Whether `url` stays on this machine's preview server, or never touches the network. */
export function isLocalUrl(url: string): boolean {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return parsed.hostname === '127.0.0.1';
}

/** Collects console errors and uncaught exceptions of `page`. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** Blocks and records every request of `context` that would leave 127.0.0.1. */
async function guardRequests(context: BrowserContext): Promise<string[]> {
  const foreign: string[] = [];
  await context.route('**/*', async (route) => {
    if (isLocalUrl(route.request().url())) await route.fallback();
    else {
      foreign.push(route.request().url());
      await route.abort('blockedbyclient');
    }
  });
  // Routes miss some requests (service workers, preconnects); the request log does not.
  context.on('request', (request: Request) => {
    if (!isLocalUrl(request.url()) && !foreign.includes(request.url())) foreign.push(request.url());
  });
  context.on('page', (page) => page.on('websocket', (socket) => {
    if (!isLocalUrl(socket.url().replace(/^ws/, 'http'))) foreign.push(socket.url());
  }));
  return foreign;
}

/**
 * A page of its own context with the same guards, for a `test.describe.serial` group that shares
 * one page (and one full run) between tests. Call `check()` in afterAll.
 */
export async function newGuardedPage(browser: Browser, options: { viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; check(): void }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true });
  const foreign = await guardRequests(context);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  return {
    page,
    check() {
      expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
      expect(errors, 'console errors and uncaught exceptions').toEqual([]);
    },
  };
}

interface Guards {
  /** Console errors and uncaught exceptions so far; the test fails if any remain at the end. */
  pageErrors: string[];
  /** Requests that tried to leave 127.0.0.1; the test fails if there are any. */
  foreignRequests: string[];
}

export const test = base.extend<Guards>({
  foreignRequests: [
    async ({ context }, use) => {
      const foreign = await guardRequests(context);
      await use(foreign);
      expect(foreign, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
  pageErrors: [
    async ({ page }, use) => {
      const errors = collectPageErrors(page);
      await use(errors);
      expect(errors, 'console errors and uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
