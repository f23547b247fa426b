/**
 * The application menu as data. The menu owns the keyboard shortcuts in the desktop app: each
 * item sends a MenuCommand to the renderer, which does the work (the main process knows nothing
 * about scenarios). Clipboard and window items use Electron roles so text fields keep native
 * cut/copy/paste everywhere, including macOS, where those shortcuts exist only through the menu.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../renderer/platform/platform.ts';

/** The shortcut of every menu command, in Electron accelerator syntax. */
export const MENU_ACCELERATORS: Record<MenuCommand, string> = {
  new: 'CmdOrCtrl+N',
  open: 'CmdOrCtrl+O',
  save: 'CmdOrCtrl+S',
  'save-as': 'Shift+CmdOrCtrl+S',
  export: 'CmdOrCtrl+E',
  // Enter rather than R: in browsers R reloads, and the web build binds the same keys.
  run: 'CmdOrCtrl+Enter',
  undo: 'CmdOrCtrl+Z',
  redo: 'Shift+CmdOrCtrl+Z',
};

/** What the menu needs from the main process. */
export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  recentFiles: readonly RecentFile[];
  /** Unpackaged runs get Reload and the developer tools. */
  developerTools: boolean;
  sendCommand(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

/** The application menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator: MENU_ACCELERATORS[name],
    click: () => options.sendCommand(name),
  });
  const recentItems: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : options.recentFiles.map((file) => ({ label: file.name, toolTip: file.path, click: () => options.openRecent(file.path) }));

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        command('&New', 'new'),
        command('&Open…', 'open'),
        { label: 'Open &Recent', submenu: [...recentItems, { type: 'separator' }, { label: 'Clear Recent', enabled: options.recentFiles.length > 0, click: options.clearRecent }] },
        { type: 'separator' },
        command('&Save', 'save'),
        command('Save &As…', 'save-as'),
        command('&Export…', 'export'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'E&xit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        command('&Undo', 'undo'),
        command('&Redo', 'redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: '&Scenario', submenu: [command('&Run Forecast', 'run')] },
    {
      label: '&View',
      submenu: [
        ...(options.developerTools ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Window', submenu: isMac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] },
    ...(isMac ? [] : [{ label: '&Help', submenu: [{ role: 'about' as const, label: `About ${options.appName}` }] }]),
  ];
}
