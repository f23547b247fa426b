import { describe, expect, it } from 'vitest';
import { driverSchema } from '../../../models/scenario/schema.ts';
import { ALL_FORMS, convertTo, formOf, nice, parseNumber, parseNumberList, representativeValue } from './driver-forms.ts';

describe('driver forms', () => {
  it('recognises every form of the scenario format', () => {
    expect(formOf(3)).toBe('constant');
    expect(formOf('a * 2')).toBe('formula');
    expect(formOf({ p10: 1, p90: 4 })).toBe('range80');
    expect(formOf({ p5: 1, p95: 4 })).toBe('range90');
    expect(formOf({ dist: 'pert', min: 1, mode: 2, max: 3 })).toBe('pert');
    expect(formOf({ growth: { start: 1, rate: 0.1 } })).toBe('growth');
    expect(formOf({ trend: { history: 'mau' } })).toBe('trend');
    expect(formOf({ series: [1, 2] })).toBe('series');
    expect(formOf({ dist: 'cauchy' })).toBeNull();
  });

  it('converts between forms keeping the magnitude, and every conversion is a valid driver', () => {
    for (const from of [1500, { p10: 1000, p90: 4000 }, { dist: 'triangular', min: 800, mode: 1500, max: 4000 }, -20]) {
      for (const form of ALL_FORMS) {
        const converted = convertTo(from, form, ['mau']);
        expect(formOf(converted)).toBe(form);
        expect(driverSchema.safeParse(converted).success, `${JSON.stringify(from)} → ${form}: ${JSON.stringify(converted)}`).toBe(true);
      }
    }
    // √(1000·4000) = 2000: the geometric centre of a lognormal range.
    expect(representativeValue({ p10: 1000, p90: 4000 })).toBe(2000);
    expect(convertTo(1500, 'range80')).toEqual({ p10: 1200, p90: 1880 });
    expect(convertTo({ p10: 1, p90: 4, per: 'month' }, 'normal')).toEqual({ dist: 'normal', mean: 2, sd: 0.2, per: 'month' });
    expect(convertTo({ dist: 'triangular', min: 800, mode: 1500, max: 4000 }, 'constant')).toBe(1500);
  });

  it('reads numbers and lists as people type them', () => {
    expect(parseNumber('1,500')).toBe(1500);
    expect(parseNumber('2e6')).toBe(2_000_000);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumberList('1, 2.5; 3')).toEqual([1, 2.5, 3]);
    expect(parseNumberList('1, x')).toBeNull();
    expect(nice(1234.567)).toBe(1230);
    expect(nice(0.012345)).toBe(0.0123);
  });
});
