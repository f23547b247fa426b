import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../renderer/platform/platform.ts';
import type { MenuCommand } from '../renderer/platform/platform.ts';
import { MENU_ACCELERATORS, buildMenuTemplate } from './menu.ts';
import type { MenuOptions } from './menu.ts';

/** Every item of the template, submenus flattened. */
function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function template(overrides: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const reopened: string[] = [];
  let cleared = 0;
  const items = buildMenuTemplate({
    platform: 'linux',
    appName: 'Costcast',
    recentFiles: [],
    developerTools: false,
    sendCommand: (command) => sent.push(command),
    openRecent: (file) => reopened.push(file),
    clearRecent: () => {
      cleared++;
    },
    ...overrides,
  });
  return { items, all: flatten(items), sent, reopened, cleared: () => cleared };
}

/** Clicks a template item the way Electron would (the arguments are unused by our items). */
function click(item: MenuItemConstructorOptions | undefined): void {
  if (item?.click === undefined) throw new Error(`item ${item?.label ?? '?'} has no click`);
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('binds the documented accelerators', () => {
    expect(MENU_ACCELERATORS).toEqual({
      new: 'CmdOrCtrl+N',
      open: 'CmdOrCtrl+O',
      save: 'CmdOrCtrl+S',
      'save-as': 'Shift+CmdOrCtrl+S',
      export: 'CmdOrCtrl+E',
      run: 'CmdOrCtrl+Enter',
      undo: 'CmdOrCtrl+Z',
      redo: 'Shift+CmdOrCtrl+Z',
    });
  });

  it.each(['linux', 'win32', 'darwin'] as const)('on %s, has one item per command that sends it with its accelerator', (platform) => {
    const { all, sent } = template({ platform });
    for (const command of MENU_COMMANDS) {
      const items = all.filter((item) => item.accelerator === MENU_ACCELERATORS[command]);
      expect(items, command).toHaveLength(1);
      click(items[0]);
      expect(sent.at(-1)).toBe(command);
    }
    expect(sent).toEqual(MENU_COMMANDS);
  });

  it('never assigns one accelerator twice', () => {
    const accelerators = template().all.flatMap((item) => (item.accelerator === undefined ? [] : [item.accelerator]));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('keeps native clipboard roles so text fields can cut, copy and paste', () => {
    const roles = template({ platform: 'darwin' }).all.map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'quit']));
  });

  it('puts the app menu first on macOS only', () => {
    expect(template({ platform: 'darwin' }).items[0]?.label).toBe('Costcast');
    expect(template({ platform: 'win32' }).items[0]?.label).toBe('&File');
  });

  it('offers reload and developer tools only to unpackaged runs', () => {
    expect(template({ developerTools: false }).all.map((item) => item.role)).not.toContain('toggleDevTools');
    expect(template({ developerTools: false }).all.map((item) => item.role)).not.toContain('reload');
    expect(template({ developerTools: true }).all.map((item) => item.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('lists recent files that reopen by path, and can clear them', () => {
    const recentFiles = [
      { name: 'plan.json', path: '/home/ana/plan.json', openedAt: '2027-01-01T09:00:00.000Z' },
      { name: 'fy27.costcast', path: '/home/ana/fy27.costcast', openedAt: '2026-12-01T09:00:00.000Z' },
    ];
    const menu = template({ recentFiles });
    click(menu.all.find((item) => item.label === 'fy27.costcast'));
    expect(menu.reopened).toEqual(['/home/ana/fy27.costcast']);
    click(menu.all.find((item) => item.label === 'Clear Recent'));
    expect(menu.cleared()).toBe(1);
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    const { all } = template();
    expect(all.find((item) => item.label === 'No recent files')?.enabled).toBe(false);
    expect(all.find((item) => item.label === 'Clear Recent')?.enabled).toBe(false);
  });
});
