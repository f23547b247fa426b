/**
 * `costcast forecast <file> --out plan.xlsx`: the workbook written by the CLI, read back with
 * SheetJS and compared with the `--json` result of the same run. Real files in a temp folder.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import type { ForecastResult } from '../../models/simulate/result.ts';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (text) => (out += text), err: (text) => (err += text), errIsTty: false });
  return { code, out, err };
}

const scenario = fileURLToPath(new URL('../../scenarios/default.json', import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'costcast-workbook-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('costcast forecast --out', () => {
  it('writes the workbook of the same run the JSON describes', async () => {
    const target = path.join(dir, 'plan.xlsx');
    const { code, out, err } = await run(['forecast', scenario, '--trials', '1000', '--seed', '2', '--json', '--out', target]);
    expect(code, err).toBe(0);
    expect(err).toContain(`Workbook written to ${target}`);
    const result = JSON.parse(out) as ForecastResult;
    const workbook = XLSX.read(readFileSync(target), { type: 'buffer', cellFormula: true, cellNF: true });
    const expectedSheets = ['Summary', 'Budget plan', 'ROI', 'Pricing', 'Chargeback', 'Assumptions', 'Percentiles'];
    expect(workbook.SheetNames).toEqual(result.variants?.length ? [...expectedSheets, 'Variants'] : expectedSheets);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Summary']!, { header: 1, raw: true });
    const totalRow = rows.find((row) => row[0] === 'Total')!;
    expect(totalRow.slice(1, 5)).toEqual([result.total.p10, result.total.p50, result.total.p90, result.total.mean]);
    expect(rows.find((row) => row[0] === 'Scenario')?.[1]).toBe(result.scenario);
    // No temp file is left beside it.
    expect(existsSync(`${target}.${process.pid}.tmp`)).toBe(false);
  });

  it('refuses a name that is not .xlsx (exit 2) and a folder it cannot write to (exit 1)', async () => {
    const wrong = await run(['forecast', scenario, '--trials', '200', '--out', path.join(dir, 'plan.csv')]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--out writes an Excel workbook');
    const missing = await run(['forecast', scenario, '--trials', '200', '--out', path.join(dir, 'no-such-folder', 'plan.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('cannot write the workbook (ENOENT)');
  });
});
