/**
 * Window bounds remembered between sessions in `<userData>/window-state.json`, and clamped on
 * restore so a window saved on a monitor that is gone (or a smaller screen) still opens where
 * the user can see and grab it.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { z } from '../models/scenario/schema-library.ts';
import { writeFileAtomic } from './atomic-write.ts';

/** A rectangle in screen pixels (DIPs), as Electron reports them. */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered: the normal (unmaximized) bounds and whether the window was maximized. */
export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/** Size of a first window, in pixels. */
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 };
/** The smallest window the UI lays out sensibly, in pixels. */
export const MIN_WINDOW_SIZE = { width: 800, height: 560 };
// How much of the window must be on a display to count as visible: enough to grab the title bar.
const MIN_VISIBLE = { width: 120, height: 40 };

const rectangleSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });
const windowStateSchema = z.object({ bounds: rectangleSchema, maximized: z.boolean() });

function overlap(a: Rectangle, b: Rectangle): Rectangle {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
}

/** A window of `size` centred in `area`, shrunk to fit it. */
function centred(area: Rectangle, size: { width: number; height: number }): Rectangle {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
}

/**
 * Bounds to open the window with, given the remembered bounds (null on first start) and the
 * work areas of the connected displays, primary first. A window still reachable on some display
 * is shrunk to that display and moved fully onto it; an unreachable one is centred on the primary.
 */
export function restoreBounds(saved: Rectangle | null, workAreas: readonly Rectangle[]): Rectangle {
  const primary = workAreas[0];
  if (primary === undefined) return { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (saved === null) return centred(primary, DEFAULT_WINDOW_SIZE);
  const best = workAreas
    .map((area) => ({ area, visible: overlap(saved, area) }))
    .filter(({ visible }) => visible.width >= MIN_VISIBLE.width && visible.height >= MIN_VISIBLE.height)
    .sort((a, b) => b.visible.width * b.visible.height - a.visible.width * a.visible.height)[0];
  if (best === undefined) return centred(primary, { width: saved.width, height: saved.height });
  const { area } = best;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  return {
    x: Math.min(Math.max(saved.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(saved.y, area.y), area.y + area.height - height),
    width,
    height,
  };
}

/** The remembered state, or null when there is none or it is unreadable. */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Remembers `state` (bounds rounded to whole pixels). */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const { x, y, width, height } = state.bounds;
  const bounds = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ bounds, maximized: state.maximized })}\n`);
}
