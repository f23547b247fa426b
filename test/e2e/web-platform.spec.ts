/**
 * The browser Platform (renderer/platform/web-platform.ts) in real Chromium: file inputs,
 * downloads, IndexedDB persistence and the unsaved-changes guard. Node has no IndexedDB, so this
 * is where that code is tested. The module is bundled on the fly and served from the preview
 * origin, so the page's content security policy stays in force.
 */
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type { Platform } from '../../renderer/platform/platform.ts';
import { expect, test } from './fixtures.ts';

declare global {
  interface Window {
    CostcastWebPlatform: { createWebPlatform(): Platform };
    platformUnderTest: Platform;
  }
}

// Served from the preview server's own origin (E2E_PORT, as in playwright.config.ts), so the page's CSP allows it.
const BUNDLE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/__e2e/web-platform.js`;
let bundle = '';

test.beforeAll(async () => {
  const result = await build({
    entryPoints: ['renderer/platform/web-platform.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'CostcastWebPlatform',
    target: 'es2022',
    write: false,
  });
  bundle = result.outputFiles[0]?.text ?? '';
});

/** Opens the app page and creates a web platform in it. */
async function openPlatform(page: Page): Promise<void> {
  await page.route(BUNDLE_URL, (route) => route.fulfill({ body: bundle, contentType: 'text/javascript' }));
  await page.goto('/');
  await page.addScriptTag({ url: BUNDLE_URL });
  await page.evaluate(() => {
    window.platformUnderTest = window.CostcastWebPlatform.createWebPlatform();
  });
}

/** Runs `openScenario` (or `openDataFile`) and answers its file picker with `file`. */
async function pickFile(page: Page, method: 'openScenario' | 'openDataFile', file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  const result = page.evaluate(async (name) => {
    const picked = await window.platformUnderTest[name]();
    // Uint8Array does not survive the trip out of the page: send its bytes as numbers.
    return picked !== null && 'bytes' in picked ? { name: picked.name, bytes: [...picked.bytes] } : picked;
  }, method);
  const fileChooser = await chooser;
  const accept = await fileChooser.element().getAttribute('accept');
  await fileChooser.setFiles(file);
  return { accept, result: await result };
}

test('opens a scenario from disk and keeps it in the recent files across reloads', async ({ page }) => {
  await openPlatform(page);
  const { accept, result } = await pickFile(page, 'openScenario', { name: 'fy27.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"FY27"}') });
  expect(accept).toBe('.json,.costcast');
  expect(result).toEqual({ name: 'fy27.json', path: null, text: '{"name":"FY27"}' });

  await page.reload();
  await page.addScriptTag({ url: BUNDLE_URL });
  const reopened = await page.evaluate(async () => {
    const platform = window.CostcastWebPlatform.createWebPlatform();
    const recent = await platform.listRecent();
    return { recent, file: await platform.openRecent(recent[0]?.path ?? '') };
  });
  expect(reopened.recent).toHaveLength(1);
  expect(reopened.recent[0]?.name).toBe('fy27.json');
  expect(reopened.file).toEqual({ name: 'fy27.json', path: null, text: '{"name":"FY27"}' });
});

test('keeps one recent entry per name, the latest text, newest first', async ({ page }) => {
  await openPlatform(page);
  await pickFile(page, 'openScenario', { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from('{"v":1}') });
  await pickFile(page, 'openScenario', { name: 'b.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await pickFile(page, 'openScenario', { name: 'a.json', mimeType: 'application/json', buffer: Buffer.from('{"v":2}') });
  const state = await page.evaluate(async () => {
    const recent = await window.platformUnderTest.listRecent();
    return { names: recent.map((file) => file.name), newest: await window.platformUnderTest.openRecent(recent[0]?.path ?? '') };
  });
  expect(state.names).toEqual(['a.json', 'b.json']);
  expect(state.newest.text).toBe('{"v":2}');
});

test('explains a recent file that is no longer stored', async ({ page }) => {
  await openPlatform(page);
  const message = await page.evaluate(() => window.platformUnderTest.openRecent('no-such-id').then(() => 'opened', (error: Error) => error.message));
  expect(message).toBe("This file is no longer in the browser's recent files. Open it again from disk.");
});

test('saves by downloading under a safe name and remembers the saved text', async ({ page }) => {
  await openPlatform(page);
  const downloading = page.waitForEvent('download');
  const saved = await page.evaluate(() => window.platformUnderTest.saveScenario({ path: null, suggestedName: 'FY27: plan', text: '{"name":"FY27"}' }));
  const download = await downloading;
  expect(saved).toEqual({ path: null, name: 'FY27- plan.json' });
  expect(download.suggestedFilename()).toBe('FY27- plan.json');
  expect(await readFile(await download.path(), 'utf8')).toBe('{"name":"FY27"}');
  const recent = await page.evaluate(() => window.platformUnderTest.listRecent());
  expect(recent.map((file) => file.name)).toEqual(['FY27- plan.json']);
});

test('exports bytes unchanged as a download', async ({ page }) => {
  await openPlatform(page);
  const downloading = page.waitForEvent('download');
  const exported = await page.evaluate(() =>
    window.platformUnderTest.exportFile({ suggestedName: 'fan chart', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]), kind: 'png' }),
  );
  const download = await downloading;
  expect(exported).toBe(true);
  expect(download.suggestedFilename()).toBe('fan chart.png');
  expect([...(await readFile(await download.path()))]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
});

test('reads a data file as bytes', async ({ page }) => {
  await openPlatform(page);
  const csv = 'month,requests\n2026-01,100\n';
  const { accept, result } = await pickFile(page, 'openDataFile', { name: 'usage.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  expect(accept).toBe('.csv,.tsv,.txt,.xlsx,.xls,.ods');
  expect(result).toEqual({ name: 'usage.csv', bytes: [...Buffer.from(csv)] });
});

test('stores, lists and clears autosaves across reloads', async ({ page }) => {
  await openPlatform(page);
  await page.evaluate(async () => {
    await window.platformUnderTest.writeAutosave({ documentKey: 'untitled-1', name: 'Untitled', savedAt: '2027-01-01T09:00:00.000Z', text: '{"v":1}' });
    await window.platformUnderTest.writeAutosave({ documentKey: 'plan', name: 'plan.json', savedAt: '2027-01-01T10:00:00.000Z', text: '{"v":2}' });
    await window.platformUnderTest.writeAutosave({ documentKey: 'untitled-1', name: 'Untitled', savedAt: '2027-01-01T11:00:00.000Z', text: '{"v":3}' });
  });
  await page.reload();
  await page.addScriptTag({ url: BUNDLE_URL });
  const listed = await page.evaluate(async () => {
    const platform = window.CostcastWebPlatform.createWebPlatform();
    const before = await platform.listAutosaves();
    await platform.clearAutosave('untitled-1');
    return { before, after: await platform.listAutosaves() };
  });
  expect(listed.before.map((entry) => [entry.documentKey, entry.text])).toEqual([
    ['untitled-1', '{"v":3}'],
    ['plan', '{"v":2}'],
  ]);
  expect(listed.after.map((entry) => entry.documentKey)).toEqual(['plan']);
});

test('titles the page and guards unsaved changes on unload', async ({ page }) => {
  await openPlatform(page);
  // Chromium asks before unload only on pages the user has interacted with.
  await page.locator('h1').click();
  await page.evaluate(() => window.platformUnderTest.setDocumentState({ title: 'FY27', dirty: true }));
  await expect(page).toHaveTitle('• FY27 — Costcast');

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
});

test('lets a clean page unload without asking', async ({ page }) => {
  await openPlatform(page);
  await page.locator('h1').click();
  await page.evaluate(() => {
    window.platformUnderTest.setDocumentState({ title: 'FY27', dirty: true });
    window.platformUnderTest.setDocumentState({ title: 'FY27', dirty: false });
  });
  await expect(page).toHaveTitle('FY27 — Costcast');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  // With runBeforeUnload, close() does not wait for the page to go.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual([]);
});

test('has no menu and no external file source on the web', async ({ page }) => {
  await openPlatform(page);
  const kind = await page.evaluate(() => {
    const platform = window.platformUnderTest;
    platform.onMenuCommand(() => undefined)();
    platform.onOpenFile(() => undefined)();
    return platform.kind;
  });
  expect(kind).toBe('web');
});
