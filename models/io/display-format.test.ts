import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyShort, formatNumber, formatPercent, unitCostLabel } from './display-format.ts';

describe('display formats', () => {
  it('writes money without cents, with cents below 100, in the given currency and locale', () => {
    expect(formatMoney(1234567.89, 'USD')).toBe('$1,234,568');
    expect(formatMoney(8.494, 'USD')).toBe('$8.49');
    expect(formatMoney(-26921.2, 'USD')).toBe('-$26,921');
    expect(formatMoney(1500, 'EUR', 'de-DE')).toBe('1.500\u00a0€'); // a no-break space before the sign
    expect(formatMoney(Number.NaN, 'USD')).toBe('n/a');
  });

  it('shortens money for axes, and writes shares and counts', () => {
    expect(formatMoneyShort(1_250_000, 'USD')).toBe('$1.3M');
    expect(formatPercent(0.22674)).toBe('22.7 %');
    expect(formatNumber(1744.4)).toBe('1,744');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('n/a');
  });

  it('labels unit costs, in the plural for a count of more than one', () => {
    expect(unitCostLabel('active_user')).toBe('per active_user');
    expect(unitCostLabel('request', 1000)).toBe('per 1,000 requests');
    expect(unitCostLabel('tokens', 1_000_000)).toBe('per 1,000,000 tokens');
  });
});
