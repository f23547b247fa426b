/** "Use as driver" on the bundled default scenario: the engine accepts the result and fits the new trend. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFormula } from '../../../models/formula/parse.ts';
import { bundledReference } from '../../../models/pricing/reference.ts';
import { validateDocument } from '../../../models/scenario/validate.ts';
import { prepareForecast } from '../../../models/simulate/prepare.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { freeDriverName, nameProblem, otherTrendsOf, withDriverFromSeries } from './use-as-driver.ts';

const document = JSON.parse(readFileSync(new URL('../../../scenarios/default.json', import.meta.url), 'utf8')) as ScenarioDocument;
const values = Object.fromEntries(Array.from({ length: 12 }, (_, m) => [`2025-${String(m + 1).padStart(2, '0')}`, 1200 + 150 * m + (m % 2 ? 9 : -9)]));

function prepared(doc: ScenarioDocument) {
  const validated = validateDocument(doc);
  if (!validated.ok) throw new Error(validated.issues.map((i) => i.message).join('\n'));
  return prepareForecast(validated.scenario, bundledReference, parseFormula);
}

describe('withDriverFromSeries', () => {
  it('replaces a driver by a trend of the imported history, keeping its place and every other driver', () => {
    const next = withDriverFromSeries(document, { historyName: 'active_users', values, driverName: 'monthly_active_users', model: 'linear' });
    expect((next.history as Record<string, unknown>).active_users).toEqual(values);
    expect((next.history as Record<string, unknown>).mau).toEqual((document.history as Record<string, unknown>).mau);
    expect((next.drivers as Record<string, unknown>).monthly_active_users).toEqual({ trend: { history: 'active_users', model: 'linear' } });
    expect(Object.keys(next.drivers as object)).toEqual(Object.keys(document.drivers as object));
    expect(prepared(next).ok).toBe(true);
    // The original is not touched.
    expect((document.drivers as Record<string, unknown>).monthly_active_users).toEqual({ trend: { history: 'mau', model: 'auto' } });
  });

  it('adds a new driver at the end, and the engine reports a history with a gap', () => {
    const { '2025-05': _dropped, ...gappy } = values;
    const next = withDriverFromSeries(document, { historyName: 'gappy', values: gappy, driverName: 'gappy_users', model: 'auto' });
    expect(Object.keys(next.drivers as object).at(-1)).toBe('gappy_users');
    const outcome = prepared(next);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((i) => i.message).join('\n')).toContain('history "gappy" has gaps: 2025-05');
  });
});

describe('names', () => {
  it('accepts identifiers only, finds a free driver name and the other trends of a history', () => {
    expect(nameProblem('cost_total')).toBeNull();
    expect(nameProblem('Cost total')).not.toBeNull();
    expect(freeDriverName(document, 'platform_fee')).toBe('platform_fee_2');
    expect(freeDriverName(document, 'cost_total')).toBe('cost_total');
    expect(otherTrendsOf(document, 'mau', 'something_else')).toEqual(['monthly_active_users']);
    expect(otherTrendsOf(document, 'mau', 'monthly_active_users')).toEqual([]);
  });
});
