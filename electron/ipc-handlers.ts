/**
 * The main-process side of every IPC channel. Each handler first checks that the message came
 * from the app's own page and that its payload matches the contract, then does the file work,
 * and always answers with data: `{ ok: true, value }` or `{ ok: false, error }` with a sentence
 * the UI can show as is. Electron is injected (dialogs, window hooks), so all of this runs under
 * Node in tests.
 */
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { z } from '../models/scenario/schema-library.ts';
import {
  DATA_FILE_FILTER,
  DEFAULT_SCENARIO_EXTENSION,
  SCENARIO_FILTER,
  exportFormat,
  safeFileName,
  withExtension,
} from '../renderer/platform/file-kinds.ts';
import type { FileFilter } from '../renderer/platform/file-kinds.ts';
import type { OpenedFile, RecentFile, SavedFile } from '../renderer/platform/platform.ts';
import { writeFileAtomic } from './atomic-write.ts';
import type { AutosaveStore } from './autosave-store.ts';
import { describeFileError, fileErrorCode, readDataFile, readScenarioFile } from './file-reading.ts';
import type { FileGrants } from './file-grants.ts';
import { payloadSchemas } from './ipc-contract.ts';
import type { InvokeChannel, InvokeResults, IpcChannel, IpcResponse, ValidPayload } from './ipc-contract.ts';
import type { RecentFilesStore } from './recent-files.ts';
import { senderRefusal } from './security.ts';
import type { IpcSender, RendererOrigin } from './security.ts';

/** The dialogs handlers open, bound to the app window by the caller. */
export interface DialogPort {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}

/** Everything the handlers use, injected by main.ts (and by tests). */
export interface HandlerContext {
  origin: RendererOrigin;
  dialog: DialogPort;
  recentFiles: RecentFilesStore;
  autosaves: AutosaveStore;
  grants: FileGrants;
  /** Folder the first dialog opens in (the user's documents). */
  defaultDirectory: string;
  setDocumentState(state: { title: string; dirty: boolean }): void;
  /** Whether a save request wrote the file; the close guard waits for it. */
  onSaveSettled(saved: boolean): void;
  openFileReady(): void;
  /** The recent list changed (the File menu shows it). */
  onRecentFilesChanged(files: RecentFile[]): void;
}

/** The value a channel answers with; one-way channels answer null (only tests and logs see it). */
export type ChannelResult<C extends IpcChannel> = C extends InvokeChannel ? InvokeResults[C] : null;

/** A validated handler: raw IPC arguments in, a response out; it never throws. */
export type IpcHandler<C extends IpcChannel> = (event: IpcSender, payload: unknown) => Promise<IpcResponse<ChannelResult<C>>>;

/** One handler per channel of the contract. */
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

/** One line per problem, naming where in the payload it is. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`)).join('; ');
}

const toDialogFilter = (filter: FileFilter): { name: string; extensions: string[] } => ({ name: filter.name, extensions: [...filter.extensions] });
const ALL_FILES = { name: 'All files', extensions: ['*'] };

/** Creates the handlers; register each with `ipcMain.handle` (invoke channels) or `ipcMain.on` (send channels). */
export function createIpcHandlers(context: HandlerContext): IpcHandlers {
  let lastDirectory = context.defaultDirectory;

  const guarded = <C extends IpcChannel>(channel: C, run: (payload: ValidPayload<C>) => Promise<ChannelResult<C>>): IpcHandler<C> => {
    return async (event, payload) => {
      const refusal = senderRefusal(event, context.origin);
      if (refusal !== null) return { ok: false, error: `Costcast refused the request "${channel}": ${refusal}.` };
      const parsed = payloadSchemas[channel].safeParse(payload);
      if (!parsed.success) return { ok: false, error: `Costcast refused the request "${channel}": invalid request (${describeIssues(parsed.error)}).` };
      try {
        // The schema of `channel` is the one ValidPayload<C> is derived from.
        return { ok: true, value: await run(parsed.data as ValidPayload<C>) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    };
  };

  /** Runs a file operation, turning system errors into a sentence naming `file`. */
  const onFile = async <T>(file: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new Error(describeFileError(error, file), { cause: error });
    }
  };

  const remember = async (file: string): Promise<void> => {
    context.grants.grant(file);
    lastDirectory = path.dirname(file);
    context.onRecentFilesChanged(await context.recentFiles.add(file));
  };

  const openScenarioAt = async (file: string): Promise<OpenedFile> => {
    const opened = await onFile(file, () => readScenarioFile(file));
    await remember(file);
    return opened;
  };

  const writeScenario = async (file: string, text: string): Promise<SavedFile> => {
    await onFile(file, () => writeFileAtomic(file, text, { backup: true }));
    await remember(file);
    return { path: file, name: path.basename(file) };
  };

  const saveAs = async (file: { suggestedName: string; text: string }): Promise<SavedFile | null> => {
    const suggested = withExtension(safeFileName(file.suggestedName), SCENARIO_FILTER, DEFAULT_SCENARIO_EXTENSION);
    const choice = await context.dialog.showSaveDialog({
      title: 'Save scenario',
      defaultPath: path.join(lastDirectory, suggested),
      filters: [toDialogFilter(SCENARIO_FILTER)],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return null;
    // Linux dialogs return the name as typed; a bare name gets the scenario extension.
    const target = path.extname(choice.filePath) === '' ? `${choice.filePath}.${DEFAULT_SCENARIO_EXTENSION}` : choice.filePath;
    return writeScenario(target, file.text);
  };

  /** Reports the outcome of a save to the close guard, whatever it was. */
  const settled = async (save: () => Promise<SavedFile | null>): Promise<SavedFile | null> => {
    try {
      const saved = await save();
      context.onSaveSettled(saved !== null);
      return saved;
    } catch (error) {
      context.onSaveSettled(false);
      throw error;
    }
  };

  return {
    'scenario:open': guarded('scenario:open', async () => {
      const choice = await context.dialog.showOpenDialog({
        title: 'Open scenario',
        defaultPath: lastDirectory,
        properties: ['openFile'],
        filters: [toDialogFilter(SCENARIO_FILTER), ALL_FILES],
      });
      const file = choice.filePaths[0];
      return choice.canceled || file === undefined ? null : openScenarioAt(file);
    }),

    'scenario:open-recent': guarded('scenario:open-recent', async (file) => {
      if (!context.grants.isGranted(file) && !(await context.recentFiles.includes(file))) {
        throw new Error(`"${path.basename(file)}" is not in the recent files, so Costcast will not open it by path. Use File › Open.`);
      }
      try {
        return await openScenarioAt(file);
      } catch (error) {
        // A file that is gone leaves the list; one that is locked or unreadable for now stays.
        if (!['ENOENT', 'ENOTDIR'].includes(fileErrorCode(error) ?? '')) throw error;
        context.onRecentFilesChanged(await context.recentFiles.remove(file));
        throw new Error(`${error instanceof Error ? error.message : String(error)} It was removed from the recent files.`, { cause: error });
      }
    }),

    'recent:list': guarded('recent:list', () => context.recentFiles.list()),

    'scenario:save': guarded('scenario:save', (file) =>
      settled(async () => {
        if (file.path === null) return saveAs(file);
        if (!context.grants.isGranted(file.path)) {
          throw new Error(`Costcast did not open "${path.basename(file.path)}" in this session, so it will not overwrite it. Use Save As… to choose where to save.`);
        }
        return writeScenario(file.path, file.text);
      }),
    ),

    'scenario:save-as': guarded('scenario:save-as', (file) => settled(() => saveAs(file))),

    'file:export': guarded('file:export', async (file) => {
      const format = exportFormat(file.kind);
      const choice = await context.dialog.showSaveDialog({
        title: 'Export',
        defaultPath: path.join(lastDirectory, withExtension(safeFileName(file.suggestedName), format.filter, file.kind)),
        filters: [toDialogFilter(format.filter)],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return false;
      const target = withExtension(choice.filePath, format.filter, file.kind);
      await onFile(target, () => writeFileAtomic(target, file.bytes));
      lastDirectory = path.dirname(target);
      return true;
    }),

    'data:open': guarded('data:open', async () => {
      const choice = await context.dialog.showOpenDialog({
        title: 'Import usage data',
        defaultPath: lastDirectory,
        properties: ['openFile'],
        filters: [toDialogFilter(DATA_FILE_FILTER), ALL_FILES],
      });
      const file = choice.filePaths[0];
      if (choice.canceled || file === undefined) return null;
      lastDirectory = path.dirname(file);
      return onFile(file, () => readDataFile(file));
    }),

    'autosave:write': guarded('autosave:write', async (entry) => {
      await context.autosaves.write(entry);
      return null;
    }),
    'autosave:list': guarded('autosave:list', () => context.autosaves.list()),
    'autosave:clear': guarded('autosave:clear', async (documentKey) => {
      await context.autosaves.clear(documentKey);
      return null;
    }),

    'document:state': guarded('document:state', async (state) => {
      context.setDocumentState(state);
      return null;
    }),
    'open-file:ready': guarded('open-file:ready', async () => {
      context.openFileReady();
      return null;
    }),
  };
}
