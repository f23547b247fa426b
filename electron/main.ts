/**
 * The main process: one window, its menu, the IPC handlers and the OS integration (single
 * instance, files opened from the command line or Finder, the unsaved-changes guard). Only
 * wiring lives here; every decision is in a module with tests. Bundled to electron/dist/main.cjs.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, screen, session } from 'electron';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { documentTitle } from '../renderer/platform/document-title.ts';
import type { RecentFile } from '../renderer/platform/platform.ts';
import { createAutosaveStore } from './autosave-store.ts';
import { createCloseGuard } from './close-guard.ts';
import type { CloseGuard } from './close-guard.ts';
import { createOpenFileQueue, scenarioPathsFromArgv } from './external-open.ts';
import { createFileGrants } from './file-grants.ts';
import { describeFileError, readScenarioFile } from './file-reading.ts';
import { invokePayloads, sendPayloads } from './ipc-contract.ts';
import type { InvokeChannel, RendererEventChannel, RendererEvents, SendChannel } from './ipc-contract.ts';
import { createIpcHandlers } from './ipc-handlers.ts';
import { buildMenuTemplate } from './menu.ts';
import { createRecentFilesStore } from './recent-files.ts';
import { hardenSession, hardenWebContents, secureWebPreferences } from './security.ts';
import type { RendererOrigin } from './security.ts';
import { MIN_WINDOW_SIZE, loadWindowState, restoreBounds, saveWindowState } from './window-state.ts';

const isDevelopment = !app.isPackaged;
// One profile folder whether run from source (where the name would be the package name) or
// packaged; tests may point an unpackaged run at a throwaway one. Set before the instance lock,
// which lives in this folder.
const userDataOverride = isDevelopment ? process.env.COSTCAST_USER_DATA_DIR : undefined;
app.setPath('userData', userDataOverride !== undefined && userDataOverride !== '' ? userDataOverride : path.join(app.getPath('appData'), 'Costcast'));

const origin: RendererOrigin = {
  indexHtml: path.join(app.getAppPath(), 'dist', 'renderer', 'index.html'),
  devServerUrl: isDevelopment ? (process.env.COSTCAST_DEV_SERVER_URL ?? null) : null,
};

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Costcast is running; it received our argv through `second-instance`.
  app.quit();
} else {
  start();
}

function start(): void {
  const userData = app.getPath('userData');
  const grants = createFileGrants();
  const recentFiles = createRecentFilesStore({ file: path.join(userData, 'recent-files.json') });
  const autosaves = createAutosaveStore(path.join(userData, 'autosave'));
  const windowStateFile = path.join(userData, 'window-state.json');

  let mainWindow: BrowserWindow | null = null;
  let closeGuard: CloseGuard | null = null;
  let pendingStateSave: Promise<void> = Promise.resolve();

  const sendToRenderer = <C extends RendererEventChannel>(channel: C, payload: RendererEvents[C]): void => {
    mainWindow?.webContents.send(channel, payload);
  };

  const setMenu = (files: readonly RecentFile[]): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          appName: app.name,
          recentFiles: files,
          developerTools: isDevelopment,
          sendCommand: (command) => sendToRenderer('menu:command', command),
          openRecent: (file) => openQueue.request(file),
          clearRecent: () => {
            void Promise.all(files.map((file) => recentFiles.remove(file.path))).then(() => setMenu([]));
            app.clearRecentDocuments();
          },
        }),
      ),
    );
  };

  const recentFilesChanged = (files: RecentFile[]): void => {
    setMenu(files);
    const newest = files[0];
    if (newest !== undefined) app.addRecentDocument(newest.path);
  };

  const openQueue = createOpenFileQueue({
    read: async (file) => {
      try {
        const opened = await readScenarioFile(file);
        grants.grant(file);
        recentFilesChanged(await recentFiles.add(file));
        return opened;
      } catch (error) {
        throw new Error(describeFileError(error, file), { cause: error });
      }
    },
    deliver: (file) => sendToRenderer('open-file', file),
    report: (message) => dialog.showErrorBox('Costcast could not open the file', message),
  });

  const defaultDirectory = ((): string => {
    try {
      return app.getPath('documents');
    } catch {
      return app.getPath('home');
    }
  })();

  const handlers = createIpcHandlers({
    origin,
    dialog: {
      showOpenDialog: (options) => (mainWindow === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(mainWindow, options)),
      showSaveDialog: (options) => (mainWindow === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(mainWindow, options)),
    },
    recentFiles,
    autosaves,
    grants,
    defaultDirectory,
    setDocumentState: (state) => {
      mainWindow?.setTitle(documentTitle(state));
      if (process.platform === 'darwin') mainWindow?.setDocumentEdited(state.dirty);
      closeGuard?.onDocumentState(state);
    },
    onSaveSettled: (saved) => closeGuard?.onSaveSettled(saved),
    openFileReady: () => openQueue.ready(),
    onRecentFilesChanged: recentFilesChanged,
  });

  for (const channel of Object.keys(invokePayloads) as InvokeChannel[]) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => handlers[channel](event, payload));
  }
  for (const channel of Object.keys(sendPayloads) as SendChannel[]) {
    ipcMain.on(channel, (event: IpcMainEvent, payload: unknown) => {
      void handlers[channel](event, payload).then((response) => {
        if (!response.ok) console.warn(response.error);
      });
    });
  }

  const createWindow = async (): Promise<void> => {
    const saved = await loadWindowState(windowStateFile);
    const primary = screen.getPrimaryDisplay();
    const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
    const window = new BrowserWindow({
      ...restoreBounds(saved?.bounds ?? null, workAreas),
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      show: false,
      title: 'Costcast',
      webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
    });
    mainWindow = window;
    const guard = createCloseGuard({
      ask: (options) => dialog.showMessageBox(window, options),
      sendCommand: (command) => sendToRenderer('menu:command', command),
      close: () => window.close(),
    });
    closeGuard = guard;
    if (saved?.maximized === true) window.maximize();
    window.once('ready-to-show', () => window.show());
    // The window title is set from the document state, not from the page's <title>.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.webContents.on('did-start-loading', () => openQueue.reset());
    window.webContents.on('render-process-gone', () => {
      openQueue.reset();
      guard.release();
    });
    window.on('close', (event) => {
      guard.onCloseRequested(event);
      if (event.defaultPrevented) return;
      pendingStateSave = saveWindowState(windowStateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch(
        (error: unknown) => console.warn('Could not remember the window position:', error),
      );
    });
    window.on('closed', () => {
      if (mainWindow === window) {
        mainWindow = null;
        closeGuard = null;
      }
    });
    try {
      if (origin.devServerUrl === null) await window.loadFile(origin.indexHtml);
      else await window.loadURL(origin.devServerUrl);
    } catch (error) {
      dialog.showErrorBox(
        'Costcast could not load its window',
        `${error instanceof Error ? error.message : String(error)}\n\nIf you are running from source, build the app first: npm run build.`,
      );
    }
  };

  const showWindow = (): void => {
    if (mainWindow === null) {
      if (app.isReady()) void createWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  for (const file of scenarioPathsFromArgv(process.argv, process.cwd())) openQueue.request(file);

  // macOS sends files through `open-file`, possibly before `ready`.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openQueue.request(file);
    showWindow();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const file of scenarioPathsFromArgv(argv, workingDirectory)) openQueue.request(file);
    showWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origin));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') void pendingStateSave.finally(() => app.quit());
  });
  app.on('activate', showWindow);

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession, { cspHeader: origin.devServerUrl === null });
    setMenu(await recentFiles.list());
    await createWindow();
  });
}
