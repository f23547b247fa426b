import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../models/scenario/validate.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { addBudget, addValue, budgetMode, parseThresholds, roundBudget, switchBudgetMode, thresholdsText } from './budget-edits.ts';

const base: ScenarioDocument = {
  format: 'costcast/scenario',
  version: 1,
  name: 'budget edits',
  currency: 'USD',
  start: '2027-01',
  months: 12,
  workloads: [{ id: 'ops', type: 'fixed', monthly: 1000 }],
};
const valid = (document: ScenarioDocument) => validateDocument(document).ok;

describe('budget edits', () => {
  it('rounds a suggested budget up to two significant digits', () => {
    expect(roundBudget(1_234_567)).toBe(1_300_000);
    expect(roundBudget(98_100)).toBe(99_000);
    expect(roundBudget(12_000)).toBe(12_000);
    expect(roundBudget(0)).toBe(1000);
  });

  it('adds a budget for the horizon, a valid scenario', () => {
    const next = addBudget(base, 15_000);
    expect(next.budget).toEqual({ total: 15_000 });
    expect(budgetMode(next)).toBe('total');
    expect(budgetMode(base)).toBeNull();
    expect(valid(next)).toBe(true);
  });

  it('switches between a total and a monthly budget keeping its size and its thresholds', () => {
    const total = { ...base, budget: { total: 12_000, thresholds: [0.8, 1] } };
    const monthly = switchBudgetMode(total, 'monthly');
    expect(monthly.budget).toEqual({ thresholds: [0.8, 1], monthly: 1000 });
    expect(valid(monthly)).toBe(true);
    expect(switchBudgetMode(monthly, 'total').budget).toEqual({ thresholds: [0.8, 1], total: 12_000 });
    // One amount per month, the last repeating over the horizon: 500 + 600 + 10 × 700.
    const phased = { ...base, budget: { monthly: [500, 600, 700] } };
    expect(switchBudgetMode(phased, 'total').budget).toEqual({ total: 8100 });
    expect(switchBudgetMode(total, 'total')).toBe(total);
  });

  it('reads thresholds as percentages of the budget', () => {
    expect(parseThresholds('80, 100')).toEqual([0.8, 1]);
    expect(parseThresholds('100 90% 90')).toEqual([0.9, 1]);
    expect(parseThresholds('0, 50')).toBeNull();
    expect(parseThresholds('eighty')).toBeNull();
    expect(parseThresholds('')).toBeNull();
    expect(thresholdsText([0.8, 1, 1.2])).toBe('80, 100, 120');
  });

  it('adds a value to fill in, with the default discount rate', () => {
    const next = addValue(base);
    expect(next.value).toEqual({ monthly: 0, discountRate: 0.1 });
    expect(valid(next)).toBe(true);
  });
});
