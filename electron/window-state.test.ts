import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, loadWindowState, restoreBounds, saveWindowState } from './window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: -200, width: 2560, height: 1415 };

describe('restoreBounds', () => {
  it('centres a first window on the primary display', () => {
    expect(restoreBounds(null, [laptop])).toEqual({ x: 80, y: 28, ...DEFAULT_WINDOW_SIZE });
  });

  it('keeps bounds that are fully visible', () => {
    const saved = { x: 1600, y: 0, width: 1200, height: 800 };
    expect(restoreBounds(saved, [laptop, monitorRight])).toEqual(saved);
  });

  it('centres a window whose monitor was unplugged on the primary display', () => {
    const onMissingMonitor = { x: 2000, y: 100, width: 1200, height: 800 };
    expect(restoreBounds(onMissingMonitor, [laptop])).toEqual({ x: 120, y: 38, width: 1200, height: 800 });
  });

  it('shrinks a window larger than the display and moves it fully onto it', () => {
    const huge = { x: -50, y: -30, width: 3000, height: 2000 };
    expect(restoreBounds(huge, [laptop])).toEqual(laptop);
  });

  it('pulls a window hanging off an edge back onto its display', () => {
    const halfOff = { x: 1000, y: 500, width: 1000, height: 600 };
    expect(restoreBounds(halfOff, [laptop])).toEqual({ x: 440, y: 275, width: 1000, height: 600 });
  });

  it('counts a sliver of a few pixels as not visible', () => {
    const sliver = { x: 1430, y: 100, width: 800, height: 600 };
    const restored = restoreBounds(sliver, [laptop]);
    expect(restored).toEqual({ x: 320, y: 138, width: 800, height: 600 });
  });

  it('picks the display showing most of the window', () => {
    const straddling = { x: 1000, y: 0, width: 1200, height: 700 };
    const restored = restoreBounds(straddling, [laptop, monitorRight]);
    expect(restored.x).toBeGreaterThanOrEqual(monitorRight.x);
    expect(restored.width).toBe(1200);
  });
});

describe('window state file', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'costcast-window-'));
  });
  afterEach(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('round-trips bounds rounded to whole pixels', async () => {
    const file = path.join(folder, 'user-data', 'window-state.json');
    await saveWindowState(file, { bounds: { x: 10.4, y: 20.6, width: 1000.2, height: 700 }, maximized: true });
    expect(await loadWindowState(file)).toEqual({ bounds: { x: 10, y: 21, width: 1000, height: 700 }, maximized: true });
  });

  it('reads a missing or damaged file as no state', async () => {
    const file = path.join(folder, 'window-state.json');
    expect(await loadWindowState(file)).toBeNull();
    await fs.writeFile(file, '{"bounds":{"x":"left"}}');
    expect(await loadWindowState(file)).toBeNull();
  });
});
