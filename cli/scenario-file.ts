/**
 * Reads a scenario file for the CLI: every problem (JSON syntax, schema, formulas, names,
 * cycles, variants) reported at once with the file, the JSON path, line:column and the fix.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIssue, type ScenarioIssue } from '../models/scenario/issues.ts';
import type { Scenario } from '../models/scenario/schema.ts';
import { validateScenarioText, withPosition } from '../models/scenario/validate.ts';
import { prepareForecast, type PreparedForecast } from '../models/simulate/prepare.ts';
import { parseFormula } from '../models/formula/parse.ts';
import type { ReferenceData } from '../models/simulate/reference-data.ts';

/** Bundled scenarios live beside the CLI in the package. */
export const scenariosFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');
export const defaultScenarioPath = path.join(scenariosFolder, 'default.json');

const MAX_BYTES = 50 * 1024 * 1024;

export type LoadedScenario =
  | { ok: true; file: string; scenario: Scenario; prepared: PreparedForecast; warnings: string[] }
  | { ok: false; file: string; messages: string[] };

/** Reads, validates and compiles a scenario file. */
export async function loadScenarioFile(file: string, reference: ReferenceData): Promise<LoadedScenario> {
  const shown = path.relative(process.cwd(), file) || file;
  const fail = (message: string): LoadedScenario => ({ ok: false, file: shown, messages: [`${shown}: ${message}`] });
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fail('is a folder, not a scenario file');
    if (info.size > MAX_BYTES) return fail(`is ${Math.round(info.size / 1e6)} MB; scenario files are small JSON documents (at most 50 MB)`);
    const bytes = await readFile(file);
    if (bytes.includes(0)) return fail('is not a text file (it contains NUL bytes); a scenario is a UTF-8 JSON file');
    text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('no such file');
    if (code === 'EACCES') return fail('permission denied');
    return fail(`cannot be read (${code ?? String(error)})`);
  }
  const validated = validateScenarioText(text);
  const format = (issues: readonly ScenarioIssue[]) => issues.map((issue) => formatIssue(withPosition(issue, text), shown));
  if (!validated.ok) return { ok: false, file: shown, messages: format(validated.issues) };
  const prepared = prepareForecast(validated.scenario, reference, parseFormula);
  if (!prepared.ok) return { ok: false, file: shown, messages: format(prepared.issues) };
  return { ok: true, file: shown, scenario: validated.scenario, prepared: prepared.prepared, warnings: [...format(validated.warnings), ...prepared.prepared.plan.warnings.map((w) => `${shown}: warning: ${w}`)] };
}
