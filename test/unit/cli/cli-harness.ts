/**
 * Running the real command line in tests: `main()` with an injected Io (fast, in this process),
 * or the installed bin as a child process (`node cli/bin/costcast.mjs`), on real files in a
 * temp folder of each test file's own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../../cli/main.ts';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const bin = path.join(root, 'cli', 'bin', 'costcast.mjs');

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `costcast <argv>` in this process. */
export async function runCli(argv: readonly string[], options: { tty?: boolean } = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), errIsTty: options.tty ?? false });
  return { code, out, err };
}

/** `node cli/bin/costcast.mjs <argv>` as a child process, from `cwd`. */
export function spawnCli(argv: readonly string[], cwd = root): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** A temp folder with files written on demand; `remove()` deletes it. */
export function tempFolder(prefix: string): { dir: string; write: (name: string, content: unknown) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `costcast-${prefix}-`));
  return {
    dir,
    write: (name, content) => {
      const file = path.join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A valid scenario document: 12 months from 2027-01 with the given fields. */
export function scenario(fields: Record<string, unknown>): Record<string, unknown> {
  return { format: 'costcast/scenario', version: 1, name: 'CLI test', currency: 'USD', start: '2027-01', months: 12, ...fields };
}

/** Lines of a stack trace (what bad input must never print). */
export const STACK_LINE = /^\s+at .+[(:]\d+/m;
