/**
 * The numbers the app must show: the real `costcast forecast --json` of the same scenario and
 * seed, run once per file and settings and cached for the test run.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ForecastResult } from '../../../models/simulate/result.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cache = new Map<string, ForecastResult>();

/** `costcast forecast <scenario> --json [--trials N]`, for a bundled scenario file name or a path. */
export function cliForecast(scenario: string, options: { trials?: number } = {}): ForecastResult {
  const file = scenario.includes('/') ? scenario : path.join(root, 'scenarios', scenario);
  const key = `${file}|${options.trials ?? ''}`;
  let result = cache.get(key);
  if (!result) {
    const args = [path.join(root, 'cli/bin/costcast.mjs'), 'forecast', file, '--json', ...(options.trials ? ['--trials', String(options.trials)] : [])];
    result = JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as ForecastResult;
    cache.set(key, result);
  }
  return result;
}

