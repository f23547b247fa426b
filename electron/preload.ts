/**
 * The preload: the only code with both IPC and the page in reach. It exposes one object,
 * `window.costcast`, implementing the renderer's Platform with named methods. The page never
 * sees `ipcRenderer`, so it can call these channels and no others. Runs sandboxed, bundled to
 * electron/dist/preload.cjs with `electron` as its only import.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { MENU_COMMANDS } from '../renderer/platform/platform.ts';
import type { MenuCommand, OpenedFile, Platform } from '../renderer/platform/platform.ts';
import type { InvokeChannel, InvokeResults, IpcPayload, IpcResponse, RendererEventChannel, RendererEvents, SendChannel } from './ipc-contract.ts';

/** Calls a request/response channel and unwraps its reply; a refusal becomes an Error with the main process's sentence. */
async function invoke<C extends InvokeChannel>(channel: C, ...payload: IpcPayload<C> extends undefined ? [] : [IpcPayload<C>]): Promise<InvokeResults[C]> {
  // The reply comes from our own main process (ipc-handlers.ts), which builds it with this type.
  const response = (await ipcRenderer.invoke(channel, ...payload)) as IpcResponse<InvokeResults[C]>;
  if (!response.ok) throw new Error(response.error);
  return response.value;
}

function send<C extends SendChannel>(channel: C, ...payload: IpcPayload<C> extends undefined ? [] : [IpcPayload<C>]): void {
  ipcRenderer.send(channel, ...payload);
}

/** Subscribes the page to a main-process event, passing on only payloads that `accept` recognises. */
function subscribe<C extends RendererEventChannel>(
  channel: C,
  accept: (payload: unknown) => payload is RendererEvents[C],
  listener: (payload: RendererEvents[C]) => void,
): () => void {
  // The Electron event object stays here: it carries `sender`, which the page must not get.
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => {
    if (accept(payload)) listener(payload);
  };
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const isMenuCommand = (value: unknown): value is MenuCommand => typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
const isOpenedFile = (value: unknown): value is OpenedFile =>
  typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' && 'text' in value && typeof value.text === 'string';

const platform = {
  kind: 'electron',
  openScenario: () => invoke('scenario:open'),
  openRecent: (path) => invoke('scenario:open-recent', path),
  listRecent: () => invoke('recent:list'),
  saveScenario: (file) => invoke('scenario:save', { path: file.path, suggestedName: file.suggestedName, text: file.text }),
  saveScenarioAs: (file) => invoke('scenario:save-as', { suggestedName: file.suggestedName, text: file.text }),
  exportFile: (file) => invoke('file:export', { suggestedName: file.suggestedName, bytes: file.bytes, kind: file.kind }),
  openDataFile: () => invoke('data:open'),
  writeAutosave: async (entry) => {
    await invoke('autosave:write', { documentKey: entry.documentKey, name: entry.name, savedAt: entry.savedAt, text: entry.text });
  },
  listAutosaves: () => invoke('autosave:list'),
  clearAutosave: async (documentKey) => {
    await invoke('autosave:clear', documentKey);
  },
  setDocumentState: (state) => send('document:state', { title: state.title, dirty: state.dirty }),
  onMenuCommand: (listener) => subscribe('menu:command', isMenuCommand, listener),
  onOpenFile: (listener) => {
    const unsubscribe = subscribe('open-file', isOpenedFile, listener);
    // Files passed on the command line may have arrived before this page: ask for them now.
    send('open-file:ready');
    return unsubscribe;
  },
} satisfies Platform;

contextBridge.exposeInMainWorld('costcast', platform);
