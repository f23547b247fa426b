import { describe, expect, it } from 'vitest';
import type { MonthStats, SampleShape, SensitivityEntry } from '../../models/simulate/result.ts';
import { buildBreakdownOption } from './breakdown-chart.ts';
import { darkTheme, lightTheme } from './chart-theme.ts';
import type { ChartOption } from './chart-types.ts';
import { renderSvg as renderSvgAt, seriesOf as seriesOfAs, tooltipOf } from './chart-test-support.ts';
import { buildDistributionOption, histogramPoints } from './distribution-chart.ts';
import { buildFanChartOption } from './fan-chart.ts';
import { buildTornadoOption, tornadoRows } from './tornado-chart.ts';

const month = (m: string, p50: number): MonthStats => ({ month: m, mean: p50, sd: p50 / 10, p5: p50 * 0.6, p10: p50 * 0.7, p25: p50 * 0.85, p50, p75: p50 * 1.2, p90: p50 * 1.5, p95: p50 * 1.7 });
const stats = [month('2027-01', 1000), month('2027-02', 1100), month('2027-03', 1250)];

type Series = { name: string; data: number[]; stack?: string };
const seriesOf = (option: ChartOption) => seriesOfAs<Series>(option);

const renderSvg = (option: ChartOption) => renderSvgAt(option, 600, 300);

describe('fan chart', () => {
  it('stacks the bands so each edge is the real percentile, and prints the percentiles in its tooltip', () => {
    const option = buildFanChartOption({ stats, currency: 'USD', theme: lightTheme, budget: [1200, 1200, 1200] });
    const [p10, b1, b2, b3, p50, budget] = seriesOf(option);
    stats.forEach((s, m) => {
      expect(p10!.data[m]).toBe(s.p10);
      expect(p10!.data[m]! + b1!.data[m]!).toBeCloseTo(s.p25, 9);
      expect(p10!.data[m]! + b1!.data[m]! + b2!.data[m]!).toBeCloseTo(s.p75, 9);
      expect(p10!.data[m]! + b1!.data[m]! + b2!.data[m]! + b3!.data[m]!).toBeCloseTo(s.p90, 9);
      expect(p50!.data[m]).toBe(s.p50);
    });
    expect([p10, b1, b2, b3].every((s) => s!.stack === 'fan')).toBe(true);
    expect(budget!.name).toBe('Budget');
    const tip = tooltipOf(option)([{ dataIndex: 2 }]);
    expect(tip).toContain('P90: $1,875');
    expect(tip).toContain('P10: $875');
    expect(tip).toContain('Budget: $1,200');
    expect(renderSvg(option)).toContain('2027-02');
  });

  it('draws variant overlays and no budget line without a budget', () => {
    const option = buildFanChartOption({ stats, currency: 'EUR', theme: darkTheme, overlays: [{ name: 'L4 instead', p50: [900, 950, 1000] }] });
    const names = seriesOf(option).map((s) => s.name);
    expect(names).toContain('L4 instead');
    expect(names).not.toContain('Budget');
    expect(tooltipOf(option)([{ dataIndex: 0 }])).toContain('L4 instead P50: €900');
    expect(renderSvg(option)).toContain('L4 instead');
  });
});

describe('breakdown chart', () => {
  it('stacks one bar series per group with the P50s', () => {
    const option = buildBreakdownOption({ months: ['2027-01', '2027-02'], groups: [{ name: 'api', values: [10, 20] }, { name: 'gpu', values: [5, 6] }], currency: 'USD', theme: lightTheme });
    const series = seriesOf(option);
    expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([['api', 'total', [10, 20]], ['gpu', 'total', [5, 6]]]);
    expect(tooltipOf(option)([{ dataIndex: 1 }])).toContain('gpu: $6.00');
    expect(renderSvg(option)).toContain('gpu');
  });
});

describe('distribution chart', () => {
  const shape: SampleShape = { percentiles: Array.from({ length: 101 }, (_, p) => 100 + p * 10), histogram: { min: 100, max: 1100, counts: [10, 30, 40, 20] } };

  it('turns counts into shares at bin centres and marks the budget', () => {
    expect(histogramPoints(shape)).toEqual([[225, 0.1], [475, 0.3], [725, 0.4], [975, 0.2]]);
    const option = buildDistributionOption({ shape, theme: lightTheme, currency: 'USD', marker: { value: 800, label: 'Budget', probabilityAbove: 0.3 } });
    const [hist, cdf] = option.series as unknown as [{ markLine: { data: { xAxis: number }[] } }, { data: [number, number][] }];
    expect(hist.markLine.data[0]!.xAxis).toBe(800);
    expect(cdf.data[50]).toEqual([600, 0.5]);
    expect(tooltipOf(option)([{ value: [600, 0] }])).toContain('P(above Budget): 30.0 %');
    expect(renderSvg(option)).toContain('Cumulative');
  });

  it('states a budget far outside the sample instead of stretching the axis to it', () => {
    const option = buildDistributionOption({ shape, theme: lightTheme, currency: 'USD', marker: { value: 50_000, label: 'Budget', probabilityAbove: 0 } });
    expect((option.series as unknown as { markLine?: unknown }[])[0]!.markLine).toBeUndefined();
    expect((option.xAxis as { max: number }).max).toBeLessThan(1200);
    expect((option.title as { text: string }).text).toBe('Budget $50,000 is above the chart');
  });
});

describe('tornado chart', () => {
  const sensitivity: SensitivityEntry[] = [
    { driver: 'users', rankCorrelation: 0.8, p50AtLow: 800, p50AtHigh: 1400 },
    { driver: 'tokens', rankCorrelation: 0.4, p50AtLow: 950, p50AtHigh: 1100 },
    { driver: 'no-swing', rankCorrelation: 0.1 },
  ];

  it('shows swings around the base P50 with the largest on top', () => {
    expect(tornadoRows(sensitivity).map((r) => r.driver)).toEqual(['users', 'tokens']);
    const option = buildTornadoOption({ sensitivity, baseP50: 1000, currency: 'USD', theme: lightTheme });
    const [low, high] = seriesOf(option);
    // Reversed for drawing: index 0 is the bottom bar.
    expect(low!.data).toEqual([-50, -200]);
    expect(high!.data).toEqual([100, 400]);
    expect((option.yAxis as { data: string[] }).data).toEqual(['tokens', 'users']);
    expect(tooltipOf(option)([{ dataIndex: 1 }])).toContain('P50 when in its top 10 %: $1,400');
    expect(renderSvg(option)).toContain('users');
  });
});
