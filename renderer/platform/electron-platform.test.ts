import { describe, expect, it } from 'vitest';
import { electronPlatform } from './electron-platform.ts';
import type { Platform } from './platform.ts';

describe('electronPlatform', () => {
  it('returns the object the preload exposed', () => {
    const exposed = { kind: 'electron' } as Platform;
    expect(electronPlatform({ costcast: exposed })).toBe(exposed);
  });

  it('returns null in a browser, where nothing was exposed', () => {
    expect(electronPlatform({})).toBeNull();
  });
});
