/**
 * Checks that the exported workbook opens in LibreOffice Calc and that its formulas recompute
 * to the values the workbook caches (which are the app's numbers).
 *
 *   node cli/bin/run-ts.mjs scripts/check-workbook-libreoffice.ts [out-dir]
 *
 * For every bundled scenario (scenarios/*.json) and the workbook test scenarios
 * (test/fixtures/workbook/*.json): run the forecast (2,000 trials), write the workbook, have
 * LibreOffice headless load it — recalculating every formula on load, forced through a
 * throw-away user profile — and save it again as .xlsx, then read both with SheetJS and compare:
 * no error cells, every formula still a formula with a value within 1e-6 (relative; absolute
 * below 1) of the cached one, every text cell still text (user text never became a formula),
 * every defined name still there. A canary workbook whose cached value is deliberately wrong
 * proves that recalculation really happened. One workbook is also sent with a budget input cell
 * changed (its cached values left stale): after LibreOffice, that month's variance and the budget
 * and variance totals must have followed — the budget cells are live inputs in a real spreadsheet.
 *
 * Needs `soffice` (Debian: apt-get install -y libreoffice-calc), or SOFFICE=/path/to/soffice.
 * Exit 0 when every workbook passes, 1 when one fails, 2 when LibreOffice is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import { buildWorkbook } from '../models/io/workbook.ts';
import { catalogAsOf } from '../models/pricing/catalog/catalog.ts';
import { bundledReference } from '../models/pricing/reference.ts';
import { validateScenarioText } from '../models/scenario/validate.ts';
import { runForecast } from '../models/simulate/run.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const TRIALS = 2000;
const TOLERANCE = 1e-6;
/** LibreOffice saves numbers with 15 significant digits, so a stored input may move by ~1e-15. */
const STORED_DIGITS = 1e-13;

/** The scenario files to check: bundled examples, then the workbook test scenarios. */
function scenarioFiles(): string[] {
  const list = (dir: string, skip: ReadonlySet<string>) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.json') && !skip.has(name))
          .sort()
          .map((name) => path.join(dir, name))
      : [];
  return [...list(path.join(root, 'scenarios'), new Set(['scenario.schema.json'])), ...list(path.join(root, 'test/fixtures/workbook'), new Set())];
}

/** A user profile that makes Calc recalculate .xlsx and .ods files on load (0 = always). */
function writeProfile(dir: string): string {
  const user = path.join(dir, 'user');
  mkdirSync(user, { recursive: true });
  writeFileSync(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(dir).href;
}

/** A workbook whose only formula caches a wrong value: after LibreOffice it must read 3. */
function canaryBytes(): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, { A1: { t: 'n', v: 1 }, A2: { t: 'n', v: 2 }, A3: { t: 'n', f: 'SUM(A1:A2)', v: 0 }, '!ref': 'A1:A3' }, 'Canary');
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Where the Budget plan keeps its inputs: the first budget cell, its variance, and the two totals. */
interface BudgetEdit {
  budget: string;
  variance: string;
  budgetTotal: string;
  varianceTotal: string;
}

const BUDGET_SHEET = 'Budget plan';
const BUDGET_STEP = 1000;

/** The cells a budget edit must move, found from the defined names and the header row. */
function budgetCells(workbook: XLSX.WorkBook): BudgetEdit | undefined {
  const ref = (name: string) => workbook.Workbook?.Names?.find((n) => n.Name === name)?.Ref.split('!')[1]?.replace(/\$/g, '');
  const monthly = ref('BudgetMonthly');
  const total = ref('BudgetTotal');
  const sheet = workbook.Sheets[BUDGET_SHEET];
  if (!monthly || !total || !sheet) return undefined;
  const first = XLSX.utils.decode_range(monthly).s;
  const totalCell = XLSX.utils.decode_cell(total);
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  for (let c = first.c; c <= range.e.c; c++) {
    if ((sheet[XLSX.utils.encode_cell({ r: first.r - 1, c })] as XLSX.CellObject | undefined)?.v === 'Variance (budget − planned)') {
      return {
        budget: XLSX.utils.encode_cell(first),
        variance: XLSX.utils.encode_cell({ r: first.r, c }),
        budgetTotal: total,
        varianceTotal: XLSX.utils.encode_cell({ r: totalCell.r, c }),
      };
    }
  }
  return undefined;
}

/** The workbook with its first budget input raised by BUDGET_STEP and every cached value left as it was. */
function editedBudgetBytes(workbook: XLSX.WorkBook, cells: BudgetEdit): Uint8Array {
  const sheet = workbook.Sheets[BUDGET_SHEET]!;
  const cell = sheet[cells.budget] as XLSX.CellObject;
  sheet[cells.budget] = { ...cell, v: (cell.v as number) + BUDGET_STEP };
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Problems when the recalculated edited workbook did not follow its changed budget cell (compared with the unedited workbook). */
function budgetEditProblems(original: XLSX.WorkBook, recalculated: XLSX.WorkBook, cells: BudgetEdit): string[] {
  const value = (book: XLSX.WorkBook, address: string) => (book.Sheets[BUDGET_SHEET]?.[address] as XLSX.CellObject | undefined)?.v;
  const problems: string[] = [];
  for (const address of [cells.budget, cells.variance, cells.budgetTotal, cells.varianceTotal]) {
    const before = value(original, address);
    const after = value(recalculated, address);
    if (typeof before !== 'number' || typeof after !== 'number' || relativeDifference(after, before + BUDGET_STEP) > TOLERANCE) {
      problems.push(`${BUDGET_SHEET}!${address} reads ${JSON.stringify(after)} after the budget edit, expected ${String(before)} + ${BUDGET_STEP}`);
    }
  }
  return problems;
}

interface Comparison {
  formulas: number;
  largestDifference: number;
  problems: string[];
}

function relativeDifference(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1);
}

/** Compares the workbook as written with the workbook as LibreOffice recalculated and saved it. */
function compare(original: XLSX.WorkBook, recalculated: XLSX.WorkBook): Comparison {
  const problems: string[] = [];
  let formulas = 0;
  let largestDifference = 0;
  for (const name of recalculated.SheetNames) {
    for (const [address, cell] of Object.entries(recalculated.Sheets[name]!)) {
      if (!address.startsWith('!') && (cell as XLSX.CellObject).t === 'e') problems.push(`${name}!${address} is an error cell (${String((cell as XLSX.CellObject).w ?? (cell as XLSX.CellObject).v)})`);
    }
  }
  for (const name of original.SheetNames) {
    const after = recalculated.Sheets[name];
    if (!after) {
      problems.push(`sheet "${name}" is missing after LibreOffice`);
      continue;
    }
    for (const [address, value] of Object.entries(original.Sheets[name]!)) {
      if (address.startsWith('!')) continue;
      const before = value as XLSX.CellObject;
      const cell = after[address] as XLSX.CellObject | undefined;
      const where = `${name}!${address}`;
      if (before.f !== undefined) {
        formulas++;
        if (!cell || cell.f === undefined) {
          problems.push(`${where}: the formula ${before.f} was lost`);
          continue;
        }
        if (typeof before.v === 'number') {
          if (typeof cell.v !== 'number') problems.push(`${where}: ${before.f} gave ${JSON.stringify(cell.v)}, cached ${before.v}`);
          else {
            const difference = relativeDifference(before.v, cell.v);
            largestDifference = Math.max(largestDifference, difference);
            if (difference > TOLERANCE) problems.push(`${where}: ${before.f} recalculates to ${cell.v}, cached ${before.v}`);
          }
        } else if ((cell.v ?? '') !== (before.v ?? '')) problems.push(`${where}: ${before.f} gave ${JSON.stringify(cell.v)}, cached ${JSON.stringify(before.v)}`);
      } else if (before.t === 's') {
        if (!cell || cell.t !== 's' || cell.f !== undefined || cell.v !== before.v) problems.push(`${where}: the text ${JSON.stringify(before.v)} did not stay text (${JSON.stringify(cell)})`);
      } else if (before.t === 'n' && (cell?.t !== 'n' || relativeDifference(Number(before.v), Number(cell.v)) > STORED_DIGITS)) {
        problems.push(`${where}: the number ${String(before.v)} changed to ${JSON.stringify(cell?.v)}`);
      }
    }
  }
  const namesAfter = new Map((recalculated.Workbook?.Names ?? []).map((n) => [n.Name, n.Ref]));
  for (const name of original.Workbook?.Names ?? []) {
    if (name.Name.startsWith('_xlnm.')) continue;
    if (namesAfter.get(name.Name) !== name.Ref) problems.push(`defined name ${name.Name} (${name.Ref}) is ${namesAfter.get(name.Name) ?? 'missing'} after LibreOffice`);
  }
  return { formulas, largestDifference, problems };
}

function readWorkbook(file: string): XLSX.WorkBook {
  return XLSX.read(readFileSync(file), { type: 'buffer', cellFormula: true, cellNF: true });
}

async function main(): Promise<number> {
  const soffice = process.env['SOFFICE'] ?? 'soffice';
  const version = spawnSync(soffice, ['--version'], { encoding: 'utf8', timeout: 120_000 });
  if (version.error || version.status !== 0) {
    process.stderr.write(`LibreOffice (${soffice}) is not available: install it with \`apt-get install -y libreoffice-calc\` or set SOFFICE.\n`);
    return 2;
  }
  const outDir = path.resolve(process.argv[2] ?? mkdtempSync(path.join(tmpdir(), 'costcast-workbook-')));
  const written = path.join(outDir, 'written');
  const recalculatedDir = path.join(outDir, 'recalculated');
  mkdirSync(written, { recursive: true });
  mkdirSync(recalculatedDir, { recursive: true });
  process.stdout.write(`${version.stdout.trim()}; workbooks in ${outDir}\n`);

  const checks: { label: string; file: string }[] = [];
  let failed = 0;
  for (const file of scenarioFiles()) {
    const label = path.relative(root, file);
    const validated = validateScenarioText(readFileSync(file, 'utf8'));
    if (!validated.ok) {
      process.stdout.write(`FAIL ${label}: invalid scenario (${validated.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})\n`);
      failed++;
      continue;
    }
    const result = await runForecast(validated.scenario, { reference: bundledReference, trials: TRIALS });
    const target = path.join(written, `${path.basename(path.dirname(file))}-${path.basename(file, '.json')}.xlsx`);
    writeFileSync(target, buildWorkbook(validated.scenario, result, { catalogAsOf: catalogAsOf().newest, generatedAt: new Date().toISOString() }));
    checks.push({ label, file: target });
  }
  const canary = path.join(written, 'canary.xlsx');
  writeFileSync(canary, canaryBytes());
  // The first workbook with a budget, once more with a budget input changed.
  let edit: { label: string; source: string; file: string; cells: BudgetEdit } | undefined;
  for (const check of checks) {
    const workbook = readWorkbook(check.file);
    const cells = budgetCells(workbook);
    if (!cells) continue;
    const file = path.join(written, `edited-budget-${path.basename(check.file)}`);
    writeFileSync(file, editedBudgetBytes(workbook, cells));
    edit = { label: check.label, source: check.file, file, cells };
    break;
  }

  const profile = writeProfile(path.join(outDir, 'libreoffice-profile'));
  const files = [canary, ...checks.map((c) => c.file), ...(edit ? [edit.file] : [])];
  const conversion = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--calc', '--convert-to', 'xlsx', '--outdir', recalculatedDir, ...files], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (conversion.error || conversion.status !== 0) {
    process.stdout.write(`FAIL LibreOffice conversion: ${conversion.error?.message ?? conversion.stderr}\n`);
    return 1;
  }

  const canaryAfter = path.join(recalculatedDir, 'canary.xlsx');
  const canaryValue = existsSync(canaryAfter) ? (readWorkbook(canaryAfter).Sheets['Canary']?.['A3'] as XLSX.CellObject | undefined)?.v : undefined;
  if (canaryValue !== 3) {
    process.stdout.write(`FAIL LibreOffice did not recalculate on load (canary SUM(1,2) reads ${String(canaryValue)}), so nothing was checked\n`);
    return 1;
  }

  for (const { label, file } of checks) {
    const after = path.join(recalculatedDir, path.basename(file));
    if (!existsSync(after)) {
      process.stdout.write(`FAIL ${label}: LibreOffice wrote no converted file\n`);
      failed++;
      continue;
    }
    const original = readWorkbook(file);
    const { formulas, largestDifference, problems } = compare(original, readWorkbook(after));
    if (problems.length) {
      failed++;
      process.stdout.write(`FAIL ${label}: ${problems.length} problem(s)\n${problems.slice(0, 20).map((p) => `     ${p}\n`).join('')}`);
    } else {
      process.stdout.write(
        `ok   ${label}: ${original.SheetNames.length} sheets, ${formulas} formulas recalculated by LibreOffice, largest difference ${largestDifference.toExponential(1)} (relative), no error cells, text stayed text\n`,
      );
    }
  }
  if (!edit) {
    failed++;
    process.stdout.write('FAIL no bundled workbook has a budget, so the budget-edit check did not run\n');
  } else {
    const after = path.join(recalculatedDir, path.basename(edit.file));
    const problems = existsSync(after) ? budgetEditProblems(readWorkbook(edit.source), readWorkbook(after), edit.cells) : ['LibreOffice wrote no converted file'];
    if (problems.length) {
      failed++;
      process.stdout.write(`FAIL ${edit.label} with a budget cell changed: ${problems.join('; ')}\n`);
    } else {
      process.stdout.write(`ok   ${edit.label} with ${BUDGET_SHEET}!${edit.cells.budget} raised by ${BUDGET_STEP}: its variance (${edit.cells.variance}) and the budget and variance totals (${edit.cells.budgetTotal}, ${edit.cells.varianceTotal}) followed\n`);
    }
  }
  process.stdout.write(failed ? `${failed} check(s) failed\n` : `all ${checks.length} workbooks passed\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
