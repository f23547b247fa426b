/**
 * The schema library runs no generated code: validating a scenario builds no function from text
 * (by default the library compiles a parser per object schema with `new Function`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenarioText } from './validate.ts';

describe('the schema library', () => {
  it('validates a scenario without building a function from text', () => {
    const text = readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8');
    const built: string[] = [];
    const original = globalThis.Function;
    // Every way to make a function from text goes through the Function constructor.
    globalThis.Function = new Proxy(original, {
      construct: (target, args: string[]) => (built.push(String(args.at(-1))), Reflect.construct(target, args)),
      apply: (target, self, args: string[]) => (built.push(String(args.at(-1))), Reflect.apply(target, self, args)),
    });
    let valid: boolean;
    try {
      valid = validateScenarioText(text).ok;
    } finally {
      globalThis.Function = original;
    }
    expect(valid).toBe(true);
    expect(built).toEqual([]);
  });
});
