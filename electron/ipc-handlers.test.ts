import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecentFile } from '../renderer/platform/platform.ts';
import { createAutosaveStore } from './autosave-store.ts';
import { createFileGrants } from './file-grants.ts';
import { invokePayloads, sendPayloads } from './ipc-contract.ts';
import type { IpcChannel } from './ipc-contract.ts';
import { createIpcHandlers } from './ipc-handlers.ts';
import type { IpcHandlers } from './ipc-handlers.ts';
import { createRecentFilesStore } from './recent-files.ts';
import type { IpcSender } from './security.ts';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'costcast-ipc-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

const indexHtml = path.resolve('/opt/Costcast/resources/app/dist/renderer/index.html');
const fromApp: IpcSender = { senderFrame: { url: `${pathToFileURL(indexHtml).href}#/forecast`, parent: null } };
const foreignSenders: Record<string, IpcSender> = {
  'a web page': { senderFrame: { url: 'https://evil.example/phish.html', parent: null } },
  'another local file': { senderFrame: { url: pathToFileURL('/tmp/downloaded.html').href, parent: null } },
  'an embedded frame': { senderFrame: { url: pathToFileURL(indexHtml).href, parent: { url: pathToFileURL(indexHtml).href } } },
  'a destroyed frame': { senderFrame: null },
};

/** A fake of Electron's dialog module: answers queued in order, options recorded. */
function fakeDialog() {
  const openAnswers: string[][] = [];
  const saveAnswers: (string | null)[] = [];
  const openOptions: OpenDialogOptions[] = [];
  const saveOptions: SaveDialogOptions[] = [];
  return {
    openAnswers,
    saveAnswers,
    openOptions,
    saveOptions,
    port: {
      showOpenDialog: async (options: OpenDialogOptions) => {
        openOptions.push(options);
        const filePaths = openAnswers.shift() ?? [];
        return { canceled: filePaths.length === 0, filePaths };
      },
      showSaveDialog: async (options: SaveDialogOptions) => {
        saveOptions.push(options);
        const filePath = saveAnswers.shift() ?? null;
        return filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath };
      },
    },
  };
}

function setup(devServerUrl: string | null = null) {
  const dialog = fakeDialog();
  const documentStates: { title: string; dirty: boolean }[] = [];
  const saves: boolean[] = [];
  const menuLists: RecentFile[][] = [];
  let readyCalls = 0;
  const recentFiles = createRecentFilesStore({ file: path.join(folder, 'user-data', 'recent-files.json') });
  const handlers: IpcHandlers = createIpcHandlers({
    origin: { indexHtml, devServerUrl },
    dialog: dialog.port,
    recentFiles,
    autosaves: createAutosaveStore(path.join(folder, 'user-data', 'autosave')),
    grants: createFileGrants(),
    defaultDirectory: folder,
    setDocumentState: (state) => documentStates.push(state),
    onSaveSettled: (saved) => saves.push(saved),
    openFileReady: () => readyCalls++,
    onRecentFilesChanged: (files) => menuLists.push(files),
  });
  return { handlers, dialog, documentStates, saves, menuLists, recentFiles, readyCalls: () => readyCalls };
}

async function writeScenario(name: string, text = '{"name":"plan"}'): Promise<string> {
  const file = path.join(folder, name);
  await fs.writeFile(file, text);
  return file;
}

/** A payload each channel accepts, so refusals can only come from the sender check. */
const validPayloads: Record<IpcChannel, unknown> = {
  'scenario:open': undefined,
  'scenario:open-recent': '/home/ana/plan.json',
  'recent:list': undefined,
  'scenario:save': { path: null, suggestedName: 'plan', text: '{}' },
  'scenario:save-as': { suggestedName: 'plan', text: '{}' },
  'file:export': { suggestedName: 'plan', bytes: new Uint8Array([1]), kind: 'xlsx' },
  'data:open': undefined,
  'autosave:write': { documentKey: 'k', name: 'plan.json', savedAt: '2027-01-01T09:00:00.000Z', text: '{}' },
  'autosave:list': undefined,
  'autosave:clear': 'k',
  'document:state': { title: 'plan', dirty: true },
  'open-file:ready': undefined,
};

/** A payload each channel must refuse, with words its message must contain. */
const badPayloads: Record<IpcChannel, [unknown, RegExp]> = {
  'scenario:open': [{ path: '/etc/passwd' }, /takes no arguments/],
  'scenario:open-recent': [42, /expected string/],
  'recent:list': ['all', /takes no arguments/],
  'scenario:save': [{ path: null, suggestedName: 'plan', text: 7 }, /text: .*expected string/],
  'scenario:save-as': [{ suggestedName: 'plan', text: '{}', path: '/etc/passwd' }, /Unrecognized key: "path"/],
  'file:export': [{ suggestedName: 'plan', bytes: [1, 2, 3], kind: 'xlsx' }, /bytes: bytes must be a Uint8Array/],
  'data:open': [{}, /takes no arguments/],
  'autosave:write': [{ documentKey: 'k', name: 'plan', savedAt: 'yesterday', text: '{}' }, /savedAt: /],
  'autosave:list': [1, /takes no arguments/],
  'autosave:clear': ['', /Too small/],
  'document:state': [{ title: 'plan', dirty: 'yes' }, /dirty: .*expected boolean/],
  'open-file:ready': [null, /takes no arguments/],
};

const channels = [...Object.keys(invokePayloads), ...Object.keys(sendPayloads)] as IpcChannel[];

describe('every IPC handler', () => {
  it('covers every channel of the contract', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
  });

  describe.each(channels)('%s', (channel) => {
    it.each(Object.keys(foreignSenders))('refuses a request from %s and does nothing', async (senderName) => {
      const context = setup();
      const response = await context.handlers[channel](foreignSenders[senderName] as IpcSender, validPayloads[channel]);
      expect(response.ok).toBe(false);
      if (!response.ok) expect(response.error).toMatch(new RegExp(`^Costcast refused the request "${channel}": `));
      expect(context.dialog.openOptions).toHaveLength(0);
      expect(context.dialog.saveOptions).toHaveLength(0);
      expect(context.documentStates).toHaveLength(0);
      expect(context.readyCalls()).toBe(0);
    });

    it('refuses a malformed payload, saying what is wrong', async () => {
      const context = setup();
      const [payload, words] = badPayloads[channel];
      const response = await context.handlers[channel](fromApp, payload);
      expect(response.ok).toBe(false);
      if (!response.ok) {
        expect(response.error).toMatch(new RegExp(`^Costcast refused the request "${channel}": invalid request \\(`));
        expect(response.error).toMatch(words);
      }
      expect(context.dialog.openOptions).toHaveLength(0);
      expect(context.dialog.saveOptions).toHaveLength(0);
    });
  });
});

describe('opening scenarios', () => {
  it('opens the file chosen in the dialog and remembers it', async () => {
    const { handlers, dialog, recentFiles, menuLists } = setup();
    const file = await writeScenario('plan.json', '{"name":"FY27"}');
    dialog.openAnswers.push([file]);
    expect(await handlers['scenario:open'](fromApp, undefined)).toEqual({ ok: true, value: { name: 'plan.json', path: file, text: '{"name":"FY27"}' } });
    expect(dialog.openOptions[0]?.filters?.[0]).toEqual({ name: 'Costcast scenario', extensions: ['json', 'costcast'] });
    expect((await recentFiles.list()).map((entry) => entry.path)).toEqual([file]);
    expect(menuLists.at(-1)?.map((entry) => entry.path)).toEqual([file]);
  });

  it('answers null when the dialog is cancelled', async () => {
    const { handlers } = setup();
    expect(await handlers['scenario:open'](fromApp, undefined)).toEqual({ ok: true, value: null });
  });

  it('reopens a recent file', async () => {
    const { handlers, recentFiles } = setup();
    const file = await writeScenario('plan.json');
    await recentFiles.add(file);
    const response = await handlers['scenario:open-recent'](fromApp, file);
    expect(response.ok && response.value.text).toBe('{"name":"plan"}');
  });

  it('explains a recent file that is gone and forgets it', async () => {
    const { handlers, recentFiles } = setup();
    const file = await writeScenario('plan.json');
    await recentFiles.add(file);
    await fs.rm(file);
    expect(await handlers['scenario:open-recent'](fromApp, file)).toEqual({
      ok: false,
      error: `"plan.json" was not found. It may have been moved, renamed or deleted (${file}). It was removed from the recent files.`,
    });
    expect(await recentFiles.includes(file)).toBe(false);
  });

  it('will not read a path that is not a recent file', async () => {
    const { handlers } = setup();
    const secret = await writeScenario('secret.json', '{"token":"x"}');
    const response = await handlers['scenario:open-recent'](fromApp, secret);
    expect(response).toEqual({ ok: false, error: '"secret.json" is not in the recent files, so Costcast will not open it by path. Use File › Open.' });
  });

  it('lists recent files', async () => {
    const { handlers, recentFiles } = setup();
    const file = await writeScenario('plan.json');
    await recentFiles.add(file);
    const response = await handlers['recent:list'](fromApp, undefined);
    expect(response.ok && response.value.map((entry) => entry.name)).toEqual(['plan.json']);
  });
});

describe('saving scenarios', () => {
  it('saves in place over an opened file, atomically, keeping a backup', async () => {
    const { handlers, dialog, saves } = setup();
    const file = await writeScenario('plan.json', '{"v":1}');
    dialog.openAnswers.push([file]);
    await handlers['scenario:open'](fromApp, undefined);
    const response = await handlers['scenario:save'](fromApp, { path: file, suggestedName: 'plan', text: '{"v":2}' });
    expect(response).toEqual({ ok: true, value: { path: file, name: 'plan.json' } });
    expect(await fs.readFile(file, 'utf8')).toBe('{"v":2}');
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('{"v":1}');
    expect(dialog.saveOptions).toHaveLength(0);
    expect(saves).toEqual([true]);
  });

  it('will not overwrite a path the user never chose', async () => {
    const { handlers, saves } = setup();
    const victim = await writeScenario('victim.json', 'precious');
    const response = await handlers['scenario:save'](fromApp, { path: victim, suggestedName: 'x', text: 'overwritten' });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error).toMatch(/will not overwrite it\. Use Save As…/);
    expect(await fs.readFile(victim, 'utf8')).toBe('precious');
    expect(saves).toEqual([false]);
  });

  it('asks where to save an untitled document and adds the extension', async () => {
    const { handlers, dialog } = setup();
    dialog.saveAnswers.push(path.join(folder, 'budget'));
    const response = await handlers['scenario:save'](fromApp, { path: null, suggestedName: 'FY27: budget?', text: '{}' });
    expect(response).toEqual({ ok: true, value: { path: path.join(folder, 'budget.json'), name: 'budget.json' } });
    expect(dialog.saveOptions[0]?.defaultPath).toBe(path.join(folder, 'FY27- budget-.json'));
    // The chosen path is now granted: a second save goes there without a dialog.
    expect(await handlers['scenario:save'](fromApp, { path: path.join(folder, 'budget.json'), suggestedName: 'x', text: '{"v":2}' })).toMatchObject({ ok: true });
    expect(dialog.saveOptions).toHaveLength(1);
  });

  it('keeps a .costcast extension the user typed', async () => {
    const { handlers, dialog } = setup();
    dialog.saveAnswers.push(path.join(folder, 'plan.costcast'));
    expect(await handlers['scenario:save-as'](fromApp, { suggestedName: 'plan', text: '{}' })).toMatchObject({ ok: true, value: { name: 'plan.costcast' } });
  });

  it('answers null for a cancelled Save As and tells the close guard', async () => {
    const { handlers, saves } = setup();
    expect(await handlers['scenario:save-as'](fromApp, { suggestedName: 'plan', text: '{}' })).toEqual({ ok: true, value: null });
    expect(saves).toEqual([false]);
  });

  it('reports a folder that cannot be written with a readable message', async () => {
    const { handlers, dialog, saves } = setup();
    dialog.saveAnswers.push(path.join(folder, 'missing-folder', 'plan.json'));
    const response = await handlers['scenario:save-as'](fromApp, { suggestedName: 'plan', text: '{}' });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error).toMatch(/^"plan\.json" was not found/);
    expect(saves).toEqual([false]);
  });
});

describe('exports, data files, autosaves and document state', () => {
  it('writes an export where the user chose, with the right extension', async () => {
    const { handlers, dialog } = setup();
    dialog.saveAnswers.push(path.join(folder, 'budget'));
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    expect(await handlers['file:export'](fromApp, { suggestedName: 'FY27 budget', bytes, kind: 'xlsx' })).toEqual({ ok: true, value: true });
    expect([...(await fs.readFile(path.join(folder, 'budget.xlsx')))]).toEqual([...bytes]);
    expect(dialog.saveOptions[0]?.filters).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }]);
  });

  it('answers false for a cancelled export', async () => {
    const { handlers } = setup();
    expect(await handlers['file:export'](fromApp, { suggestedName: 'x', bytes: new Uint8Array(1), kind: 'png' })).toEqual({ ok: true, value: false });
  });

  it('reads a data file as bytes', async () => {
    const { handlers, dialog } = setup();
    const file = path.join(folder, 'usage.csv');
    await fs.writeFile(file, 'month,requests\n2026-01,100\n');
    dialog.openAnswers.push([file]);
    const response = await handlers['data:open'](fromApp, undefined);
    expect(response.ok && response.value !== null && new TextDecoder().decode(response.value.bytes)).toBe('month,requests\n2026-01,100\n');
    expect(dialog.openOptions[0]?.filters?.[0]?.extensions).toEqual(['csv', 'tsv', 'txt', 'xlsx', 'xls', 'ods']);
  });

  it('writes, lists and clears autosaves', async () => {
    const { handlers } = setup();
    const entry = { documentKey: '/home/ana/plan.json', name: 'plan.json', savedAt: '2027-01-01T09:00:00.000Z', text: '{"v":3}' };
    expect(await handlers['autosave:write'](fromApp, entry)).toEqual({ ok: true, value: null });
    expect(await handlers['autosave:list'](fromApp, undefined)).toEqual({ ok: true, value: [entry] });
    expect(await handlers['autosave:clear'](fromApp, entry.documentKey)).toEqual({ ok: true, value: null });
    expect(await handlers['autosave:list'](fromApp, undefined)).toEqual({ ok: true, value: [] });
  });

  it('passes the document state and the open-file subscription on', async () => {
    const context = setup();
    await context.handlers['document:state'](fromApp, { title: 'FY27', dirty: true });
    await context.handlers['open-file:ready'](fromApp, undefined);
    expect(context.documentStates).toEqual([{ title: 'FY27', dirty: true }]);
    expect(context.readyCalls()).toBe(1);
  });

  it('accepts the dev server page only when one is configured', async () => {
    const devSender: IpcSender = { senderFrame: { url: 'http://127.0.0.1:5173/', parent: null } };
    expect((await setup().handlers['recent:list'](devSender, undefined)).ok).toBe(false);
    expect(await setup('http://127.0.0.1:5173').handlers['recent:list'](devSender, undefined)).toEqual({ ok: true, value: [] });
  });
});
