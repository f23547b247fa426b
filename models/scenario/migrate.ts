/**
 * Scenario versions. Each migration turns version k into k+1; files are migrated on load and
 * saved in the current version. Version 1 is the first, so the table is empty for now.
 */
import type { ScenarioIssue } from './issues.ts';
import { CURRENT_VERSION, FORMAT } from './schema.ts';

type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/** migrations[k] upgrades a version-k document to version k+1. */
const migrations: Record<number, Migration> = {};

export type Migrated =
  | { ok: true; document: unknown; warnings: ScenarioIssue[] }
  | { ok: false; issue: ScenarioIssue };

/** Brings a parsed document to the current version, or says why it cannot. */
export function migrateScenario(document: unknown, table: Record<number, Migration> = migrations): Migrated {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, issue: { path: '', message: 'a scenario file is a JSON object', severity: 'error', fix: `start from a bundled example (costcast forecast prints one's results)` } };
  }
  let current = document as Record<string, unknown>;
  if (current.format !== FORMAT) {
    return {
      ok: false,
      issue: {
        path: 'format',
        pathKeys: ['format'],
        message: current.format === undefined ? 'this is not a Costcast scenario: `format` is missing' : `unknown format ${JSON.stringify(current.format)}`,
        fix: `add "format": "${FORMAT}", "version": ${CURRENT_VERSION}`,
        severity: 'error',
      },
    };
  }
  const version = current.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, issue: { path: 'version', pathKeys: ['version'], message: '`version` must be a whole number ≥ 1', fix: `use "version": ${CURRENT_VERSION}`, severity: 'error' } };
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      issue: { path: 'version', pathKeys: ['version'], message: `this file is version ${version}, written by a newer Costcast (this one reads up to ${CURRENT_VERSION})`, fix: 'update Costcast to open it', severity: 'error' },
    };
  }
  const warnings: ScenarioIssue[] = [];
  for (let v = version; v < CURRENT_VERSION; v++) {
    const migrate = table[v];
    if (!migrate) {
      return { ok: false, issue: { path: 'version', pathKeys: ['version'], message: `no migration from version ${v}`, severity: 'error' } };
    }
    current = { ...migrate(current), version: v + 1 };
    warnings.push({ path: 'version', message: `upgraded from version ${v} to ${v + 1}; saving writes the new version`, severity: 'warning' });
  }
  return { ok: true, document: current, warnings };
}
