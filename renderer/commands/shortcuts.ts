/**
 * Keyboard shortcuts. In Electron the app menu owns the accelerators and sends menu commands;
 * in the browser the page binds the same keys itself (docs/electron.md, "Keyboard shortcuts").
 */
import type { MenuCommand, Platform } from '../platform/platform.ts';
import type { Commands } from './commands.ts';

/** The menu command of a key press, or null. Ctrl on Linux/Windows, Cmd on macOS. */
export function shortcutCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): MenuCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'n' && !event.shiftKey) return 'new';
  if (key === 'o' && !event.shiftKey) return 'open';
  if (key === 's') return event.shiftKey ? 'save-as' : 'save';
  if (key === 'e' && !event.shiftKey) return 'export';
  if (key === 'enter') return 'run';
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/** Runs a menu command. */
export function runMenuCommand(commands: Commands, command: MenuCommand): void {
  switch (command) {
    case 'new':
      return commands.showNew();
    case 'open':
      return void commands.open();
    case 'save':
      return void commands.save();
    case 'save-as':
      return void commands.saveAs();
    case 'export':
      return void commands.exportWorkbook();
    case 'run':
      return void commands.run();
    case 'undo':
      return commands.undo();
    case 'redo':
      return commands.redo();
  }
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button'].includes(target.type));
}

/** Binds the shortcuts for this host; returns the unbind function. */
export function bindShortcuts(platform: Platform, commands: Commands): () => void {
  if (platform.kind === 'electron') return platform.onMenuCommand((command) => runMenuCommand(commands, command));
  const onKeyDown = (event: KeyboardEvent) => {
    const command = shortcutCommand(event);
    if (!command) return;
    // Inside a text field, Undo/Redo belong to the field's own text.
    if ((command === 'undo' || command === 'redo') && isTextField(event.target)) return;
    event.preventDefault();
    // A field being edited commits its value first (on blur), so the command sees it.
    if (isTextField(event.target)) (event.target as HTMLElement).blur();
    runMenuCommand(commands, command);
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
