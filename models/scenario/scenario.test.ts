import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './json-schema.ts';
import { scenarioFieldDocs } from './field-docs.ts';
import { knownFieldNames } from './schema-fields.ts';
import { validateScenarioText, validateDocument } from './validate.ts';
import { migrateScenario } from './migrate.ts';
import { scenarioDocument } from '../simulate/test-support.ts';
import { prepareForecast } from '../simulate/prepare.ts';
import { bundledReference } from '../pricing/reference.ts';
import { parseFormula } from '../formula/parse.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

describe('derived files', () => {
  it('scenarios/scenario.schema.json is generated from the zod schema (run `npm run schema` when this fails)', () => {
    expect(JSON.parse(read('scenarios/scenario.schema.json'))).toEqual(scenarioJsonSchema());
  });

  it('docs/scenario-format.md carries the generated field reference (run `npm run schema` when this fails)', () => {
    expect(read('docs/scenario-format.md')).toContain(scenarioFieldDocs());
  });

  it('documents every field of the schema', () => {
    const docs = read('docs/scenario-format.md');
    for (const field of knownFieldNames()) expect(docs, field).toMatch(new RegExp('`([a-zA-Z$\\[\\].]*\\.)?' + field.replace('$', '\\$') + '`'));
  });

  it('every bundled scenario validates and compiles', () => {
    const files = readdirSync(new URL('scenarios/', root)).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const validated = validateScenarioText(read(`scenarios/${file}`));
      expect(validated.ok ? [] : validated.issues, file).toEqual([]);
      if (validated.ok) {
        const prepared = prepareForecast(validated.scenario, bundledReference, parseFormula);
        expect(prepared.ok ? [] : prepared.issues, file).toEqual([]);
      }
    }
  });
});

describe('errors a user can act on', () => {
  it('reports JSON syntax errors with line and column', () => {
    const result = validateScenarioText('{\n  "format": "costcast/scenario",\n  "version": 1,,\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]!.line).toBe(3);
    expect(result.issues[0]!.message).toMatch(/invalid JSON/);
  });

  it('reports every schema problem at once with its path, position and a suggestion', () => {
    const text = JSON.stringify(
      scenarioDocument({
        drivers: { a: { p10: 1, p90: 'four' }, b: { dist: 'triangle', min: 1, mode: 2, max: 3 }, c: true },
        workloads: [{ id: 'w', type: 'fixed', monthly: 1, tgas: {} }],
      }),
      null,
      2,
    );
    const result = validateScenarioText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i]));
    expect(byPath['drivers.a.p90']!.message).toMatch(/expected number/);
    expect(byPath['drivers.b.dist']!.message).toMatch(/unknown dist "triangle"/);
    expect(byPath['drivers.b.dist']!.fix).toMatch(/triangular/);
    expect(byPath['drivers.c']!.message).toMatch(/expected a driver/);
    expect(byPath['workloads[0].tgas']!.fix).toMatch(/did you mean `tags`/);
    for (const issue of result.issues) expect(issue.line).toBeGreaterThan(1);
  });

  it('keeps x- keys in the document and ignores them in validation', () => {
    const result = validateDocument(scenarioDocument({ 'x-note': 'hi', workloads: [{ id: 'w', type: 'fixed', monthly: 1, 'x-owner': 'me' }] }));
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.document as Record<string, unknown>)['x-note']).toBe('hi');
  });

  it('reports formula errors, unknown names and every driver of a cycle', () => {
    const validated = validateDocument(
      scenarioDocument({
        drivers: { a: 'b + 1', b: 'c * 2', c: 'a - 1', d: 'sqrt(', e: 'usres * 2', users: 10, f: 'eval(1)' },
        workloads: [{ id: 'w', type: 'formula', cost: 'a + d' }],
      }),
    );
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    const prepared = prepareForecast(validated.scenario, bundledReference, parseFormula);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    const text = prepared.issues.map((i) => `${i.path}: ${i.message} ${i.fix ?? ''}`).join('\n');
    expect(text).toMatch(/drivers\.d: formula error/);
    expect(text).toMatch(/drivers\.e: unknown name `usres`.*did you mean `users`/);
    expect(text).toMatch(/drivers\.f: formula error: .*eval/);
    const cycle = prepared.issues.find((i) => /circle/.test(i.message))!;
    for (const name of ['a', 'b', 'c']) expect(cycle.message).toContain(name);
  });

  it('refuses a file from a newer version and migrates through the migration table', () => {
    expect(migrateScenario(scenarioDocument({ version: 2 })).ok).toBe(false);
    const migrated = migrateScenario(scenarioDocument({ version: 0.5 }));
    expect(migrated.ok).toBe(false);
    const notOurs = migrateScenario({ name: 'x' });
    expect(notOurs.ok ? '' : notOurs.issue.message).toMatch(/not a Costcast scenario/);
  });
});
