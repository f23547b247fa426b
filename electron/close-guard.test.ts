import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../renderer/platform/platform.ts';
import { createCloseGuard } from './close-guard.ts';
import type { AskToSave } from './close-guard.ts';

const SAVE = 0;
const DONT_SAVE = 1;
const CANCEL = 2;

/** A window's close event as Electron hands it to the listener. */
function closeEvent() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** A guard wired to a fake dialog that answers `answer`, plus what the guard did. */
function setup(answer: number) {
  const asked: Parameters<AskToSave>[0][] = [];
  const sent: MenuCommand[] = [];
  let closes = 0;
  const guard = createCloseGuard({
    ask: async (options) => {
      asked.push(options);
      return { response: answer };
    },
    sendCommand: (command) => sent.push(command),
    close: () => {
      closes++;
    },
  });
  return { guard, asked, sent, closes: () => closes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('close guard', () => {
  it('lets a clean document close without asking', () => {
    const { guard, asked } = setup(SAVE);
    const event = closeEvent();
    guard.onCloseRequested(event);
    expect(event.defaultPrevented).toBe(false);
    expect(asked).toHaveLength(0);
  });

  it('asks before closing a dirty document, naming it', async () => {
    const { guard, asked } = setup(CANCEL);
    guard.onDocumentState({ title: 'FY27 plan', dirty: true });
    const event = closeEvent();
    guard.onCloseRequested(event);
    await settle();
    expect(event.defaultPrevented).toBe(true);
    expect(asked[0]?.message).toBe('Save changes to "FY27 plan" before closing?');
    expect(asked[0]?.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
  });

  it("Don't Save closes and lets that close through", async () => {
    const { guard, closes } = setup(DONT_SAVE);
    guard.onDocumentState({ title: 'plan', dirty: true });
    guard.onCloseRequested(closeEvent());
    await settle();
    expect(closes()).toBe(1);
    const second = closeEvent();
    guard.onCloseRequested(second);
    expect(second.defaultPrevented).toBe(false);
  });

  it('Cancel keeps the window open', async () => {
    const { guard, closes, sent } = setup(CANCEL);
    guard.onDocumentState({ title: 'plan', dirty: true });
    guard.onCloseRequested(closeEvent());
    await settle();
    guard.onDocumentState({ title: 'plan', dirty: false });
    expect(closes()).toBe(0);
    expect(sent).toEqual([]);
  });

  it('Save asks the page to save and closes once the document is clean', async () => {
    const { guard, closes, sent } = setup(SAVE);
    guard.onDocumentState({ title: 'plan', dirty: true });
    guard.onCloseRequested(closeEvent());
    await settle();
    expect(sent).toEqual(['save']);
    expect(closes()).toBe(0);
    guard.onSaveSettled(true);
    guard.onDocumentState({ title: 'plan', dirty: false });
    expect(closes()).toBe(1);
  });

  it('a cancelled save keeps the window open, also after a later save', async () => {
    const { guard, closes } = setup(SAVE);
    guard.onDocumentState({ title: 'plan', dirty: true });
    guard.onCloseRequested(closeEvent());
    await settle();
    guard.onSaveSettled(false);
    guard.onDocumentState({ title: 'plan', dirty: false });
    expect(closes()).toBe(0);
  });

  it('asks once however often close is pressed while the dialog is open', async () => {
    const { guard, asked } = setup(CANCEL);
    guard.onDocumentState({ title: 'plan', dirty: true });
    guard.onCloseRequested(closeEvent());
    guard.onCloseRequested(closeEvent());
    await settle();
    expect(asked).toHaveLength(1);
  });

  it('stops guarding once the page is gone', () => {
    const { guard } = setup(CANCEL);
    guard.onDocumentState({ title: 'plan', dirty: true });
    guard.release();
    const event = closeEvent();
    guard.onCloseRequested(event);
    expect(event.defaultPrevented).toBe(false);
  });
});
