/**
 * What a worker thread loads. It compiles plans from formulas the main thread parsed and
 * scenarios the main thread validated, so its bundle carries neither the formula parser's
 * library nor the schema library: each would add to every worker's start (the schema library
 * alone about 70 ms per worker here), on the path to the first chunk.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { root } from './cli-harness.ts';

async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [path.join(root, entry)], absWorkingDir: root, bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent', external: ['esbuild'] });
  return Object.keys(result.metafile.inputs);
}

describe('the worker thread bundle', () => {
  it('loads the engine without the formula parser or the schema library', async () => {
    const inputs = await bundledInputs('cli/chunk-worker.ts');
    expect(inputs).toContain('models/simulate/run-chunk.ts');
    expect(inputs).toContain('models/pricing/catalog/bundled-catalog.ts');
    expect(inputs.filter((input) => /node_modules\/(zod|mathjs)\//.test(input))).toEqual([]);
  });

  it('is told apart from the main thread, which loads both', async () => {
    // The check above can fail: the command line's own bundle holds both libraries.
    const inputs = await bundledInputs('cli/main.ts');
    expect(inputs.some((input) => input.includes('node_modules/zod/'))).toBe(true);
    expect(inputs.some((input) => input.includes('node_modules/mathjs/'))).toBe(true);
  });
});
