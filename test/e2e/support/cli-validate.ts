/**
 * What the real `costcast validate` says about a scenario text: each problem with its place, as
 * the oracle for the messages the app shows about the same text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export interface CliProblem {
  line: number;
  column: number;
  /** The problem without its `file:line:col: ` prefix: `path: message — fix`. */
  text: string;
}

/** Runs `costcast validate` on `text` saved as `name` in a temp folder; its exit code and problems. */
export function cliValidate(text: string, name = 'scenario.json'): { status: number | null; problems: CliProblem[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'costcast-e2e-validate-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const run = spawnSync(process.execPath, [path.join(root, 'cli/bin/costcast.mjs'), 'validate', file], { cwd: root, encoding: 'utf8' });
    const problems = run.stderr
      .split('\n')
      .map((line) => /^.*?:(\d+):(\d+): (.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null && match[0].includes(name))
      .map((match) => ({ line: Number(match[1]), column: Number(match[2]), text: match[3]! }));
    return { status: run.status, problems };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
