/** The Compare view's charts: each edge drawn is the engine's percentile, and ECharts renders the option. */
import { describe, expect, it } from 'vitest';
import { darkTheme, lightTheme } from './chart-theme.ts';
import type { ChartOption } from './chart-types.ts';
import { renderSvg, seriesOf as seriesOfAs, tooltipOf, offsetMonth, offsetStats } from './chart-test-support.ts';
import { buildMonthlyDeltaOption, buildVariantDeltaOption, buildVariantFansOption } from './variant-chart.ts';

const stats = offsetStats;
const month = offsetMonth;

type Series = { name?: string; type: string; data: unknown[]; stack?: string; stackStrategy?: string; markLine?: { data: Record<string, unknown>[] } };
const seriesOf = (option: ChartOption) => seriesOfAs<Series>(option);
const values = (s: Series) => s.data.map((d) => (typeof d === 'object' && d !== null && 'value' in d ? (d as { value: number }).value : d)) as (number | null)[];

describe('variant fans', () => {
  const base = [month('2027-01', 1000), month('2027-02', 1100)];
  const cheaper = [month('2027-01', 800), month('2027-02', 850)];

  it('draws a P10–P90 band and a P50 line per fan, all under the fan’s name, with the real percentiles in the tooltip', () => {
    const option = buildVariantFansOption({ fans: [{ name: 'Baseline', stats: base }, { name: 'Cheaper', stats: cheaper }], currency: 'USD', theme: lightTheme });
    const series = seriesOf(option);
    expect(series).toHaveLength(6);
    const [line, lower, width] = series.slice(3);
    expect(series.slice(3).every((s) => s.name === 'Cheaper')).toBe(true);
    expect(line!.data).toEqual([800, 850]);
    cheaper.forEach((s, m) => {
      expect(values(lower!)[m]).toBe(s.p10);
      expect(values(lower!)[m]! + values(width!)[m]!).toBeCloseTo(s.p90, 9);
    });
    expect(lower!.stack).toBe(width!.stack);
    expect(lower!.stack).not.toBe(series[1]!.stack);
    const tip = tooltipOf(option)([{ dataIndex: 1, seriesName: 'Baseline' }, { dataIndex: 1, seriesName: 'Cheaper' }]);
    expect(tip).toContain('Baseline: P50 $1,100 (P10 $1,070 – P90 $1,130)');
    expect(tip).toContain('Cheaper: P50 $850');
    expect(renderSvg(option)).toContain('Cheaper');
  });
});

describe('variant delta of the total', () => {
  const variants = [
    { name: 'Smaller model', delta: stats(-500), probabilityCheaper: 0.97, deltaStdError: 4 },
    { name: 'Other cloud', delta: stats(20), probabilityCheaper: 0.3 },
  ];

  it('puts the P10–P90 and P25–P75 bars at the paired change, across zero, top row first', () => {
    const option = buildVariantDeltaOption({ variants, currency: 'USD', theme: darkTheme });
    const [outerBase, outer, innerBase, inner, p50] = seriesOf(option);
    expect((option.yAxis as { data: string[] }).data).toEqual(['Other cloud', 'Smaller model']);
    // Row 1 (drawn on top) is "Smaller model": from −530 to −470.
    expect(values(outerBase!)[1]).toBe(-530);
    expect(values(outerBase!)[1]! + values(outer!)[1]!).toBe(-470);
    expect(values(innerBase!)[1]! + values(inner!)[1]!).toBe(-490);
    expect([outerBase, outer, innerBase, inner].every((s) => s!.stackStrategy === 'all')).toBe(true);
    expect(p50!.data).toEqual([[20, 0], [-500, 1]]);
    expect(inner!.markLine!.data).toEqual([{ xAxis: 0 }]);
    const tip = tooltipOf(option)([{ dataIndex: 1 }]);
    expect(tip).toContain('P50 of the change: -$500');
    expect(tip).toContain('mean change: -$500 ± $4.00');
    expect(tip).toContain('P(cheaper than the baseline): 97.0 %');
    expect(tooltipOf(option)([{ dataIndex: 0 }])).toContain('P90 of the change: +$50.00');
    expect(renderSvg(option)).toContain('Smaller model');
  });

  it('draws the change per month as a band and a line per variant around a zero line', () => {
    const monthly = [month('2027-01', -100), month('2027-02', -120)];
    const option = buildMonthlyDeltaOption({ variants: [{ name: 'Smaller model', monthly }], currency: 'EUR', theme: lightTheme });
    const [line, lower, width] = seriesOf(option);
    expect(line!.data).toEqual([-100, -120]);
    expect(values(lower!)[1]! + values(width!)[1]!).toBe(-90);
    expect(lower!.stackStrategy).toBe('all');
    expect(line!.markLine!.data).toEqual([{ yAxis: 0 }]);
    expect(tooltipOf(option)([{ dataIndex: 0, seriesName: 'Smaller model' }])).toContain('Smaller model: -€100 (P10 -€130 – P90 -€70.00)');
    expect(renderSvg(option)).toContain('2027-02');
  });
});
