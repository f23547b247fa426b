/**
 * The Pricing and Budget & ROI chart builders: each option carries the engine's numbers
 * unchanged, and ECharts' server-side SVG renderer accepts it (custom whiskers included).
 */
import { describe, expect, it } from 'vitest';
import type { MonthStats, Stats } from '../../models/simulate/result.ts';
import { darkTheme, lightTheme } from './chart-theme.ts';
import type { ChartOption } from './chart-types.ts';
import { renderSvg as renderSvgAt, seriesOf as seriesOfAs, tooltipOf } from './chart-test-support.ts';
import { buildCommitmentCurveOption, pointAt } from './commitment-curve-chart.ts';
import { buildFanChartOption } from './fan-chart.ts';
import { buildMonthProbabilityOption } from './month-probability-chart.ts';
import { buildRangeBarOption, whiskerData } from './range-bar-chart.ts';

const stats = (p50: number): Stats => ({ mean: p50 * 1.02, sd: p50 / 8, p5: p50 * 0.7, p10: p50 * 0.8, p25: p50 * 0.9, p50, p75: p50 * 1.1, p90: p50 * 1.25, p95: p50 * 1.35 });
type AnySeries = { name: string; type: string; data: unknown[]; markLine?: { data: { xAxis: number; name: string }[] }; markPoint?: { data: { coord: [number, number] }[] } };
const seriesOf = (option: ChartOption) => seriesOfAs<AnySeries>(option);

const renderSvg = (option: ChartOption) => renderSvgAt(option, 640);

describe('range bars (strategies, providers)', () => {
  const rows = [
    { name: 'on-demand', stats: stats(206_000) },
    { name: 'optimal', stats: stats(141_000), highlight: true, details: [['saving vs on-demand', '$66,388']] as [string, string][] },
  ];

  it('draws each P50 as a bar and its P10–P90 as a whisker, highlighting one row', () => {
    const option = buildRangeBarOption({ rows, currency: 'USD', theme: lightTheme, title: 'Strategies' });
    const [bars, whiskers] = seriesOf(option);
    expect((bars!.data as { value: number; itemStyle: { color: string } }[]).map((d) => d.value)).toEqual([206_000, 141_000]);
    expect((bars!.data as { itemStyle: { color: string } }[])[1]!.itemStyle.color).toBe(lightTheme.median);
    expect(whiskers!.type).toBe('custom');
    expect(whiskers!.data).toEqual(whiskerData(rows));
    expect(whiskerData(rows)[1]).toEqual([1, 141_000 * 0.8, 141_000 * 1.25]);
    const tip = tooltipOf(option)([{ dataIndex: 1 }]);
    expect(tip).toContain('P50: $141,000');
    expect(tip).toContain('P90: $176,250');
    expect(tip).toContain('saving vs on-demand: $66,388');
    const svg = renderSvg(option);
    expect(svg).toContain('optimal');
    // The whiskers reach the SVG: three lines per row (the range and its two caps). Same axis in both.
    const paths = (text: string) => (text.match(/<path/g) ?? []).length;
    const fixedAxis = { ...option, xAxis: [{ ...(option.xAxis as object[])[0], max: 300_000 }] } as ChartOption;
    const withoutWhiskers = { ...fixedAxis, series: seriesOf(option).map((s) => (s.type === 'custom' ? { ...s, data: [] } : s)) } as ChartOption;
    expect(paths(renderSvg(fixedAxis)) - paths(renderSvg(withoutWhiskers))).toBe(3 * rows.length);
  });

  it('adds a right-hand panel for a second figure (CO2e)', () => {
    const option = buildRangeBarOption({ rows, currency: 'EUR', theme: darkTheme, title: 'Providers', secondary: { name: 't CO2e', values: [6.4, 8.6], format: (v) => `${v.toFixed(1)} t` } });
    const co2 = seriesOf(option)[2]!;
    expect(co2.name).toBe('t CO2e');
    expect(co2.data).toEqual([6.4, 8.6]);
    expect(tooltipOf(option)([{ dataIndex: 0 }])).toContain('t CO2e: 6.4 t');
    expect(renderSvg(option)).toContain('t CO2e');
  });
});

describe('commitment curve', () => {
  const points = [0, 100, 200, 300, 400].map((h) => ({ gpuHoursPerMonth: h, expectedCost: 150_000 - h * 20 + (h * h) / 10, p90Cost: 180_000 - h * 10 + (h * h) / 8 }));

  it('plots expected and P90 totals against the level, and marks the optimum and the current commitment', () => {
    const option = buildCommitmentCurveOption({ gpu: 'H100', term: '1y', points, optimum: 100, configured: 300, currency: 'USD', theme: lightTheme });
    const [expected, p90] = seriesOf(option);
    expect(expected!.data).toEqual(points.map((p) => [p.gpuHoursPerMonth, p.expectedCost]));
    expect(p90!.data).toEqual(points.map((p) => [p.gpuHoursPerMonth, p.p90Cost]));
    expect(expected!.markLine!.data.map((d) => [d.xAxis, d.name])).toEqual([
      [100, 'optimum 100'],
      [300, 'current 300'],
    ]);
    expect(expected!.markPoint!.data[0]!.coord).toEqual([100, points[1]!.expectedCost]);
    expect(tooltipOf(option)([{ dataIndex: 3 }])).toContain('expected total: $153,000');
    expect(renderSvg(option)).toContain('optimum 100');
  });

  it('draws no current marker without a configured commitment, and finds the nearest point', () => {
    const option = buildCommitmentCurveOption({ gpu: 'L4', term: '1y', points, optimum: 0, configured: null, currency: 'USD', theme: darkTheme });
    expect(seriesOf(option)[0]!.markLine!.data).toHaveLength(1);
    expect(pointAt(points, 260)?.gpuHoursPerMonth).toBe(300);
    expect(renderSvg(option)).toContain('committed L4 GPU-hours per month (1y)');
  });
});

describe('month probabilities (overrun, payback)', () => {
  const months = ['2027-01', '2027-02', '2027-03', '2027-04'];

  it('bars the first month, lines the running probability, on a percentage axis that fits them', () => {
    const option = buildMonthProbabilityOption({ months, first: { name: 'First breach', values: [0, 0.01, 0.05, 0.2] }, byMonth: { name: 'P(over budget)', values: [0, 0.01, 0.06, 0.26] }, theme: lightTheme, title: 'Overrun by month' });
    const [bars, line] = seriesOf(option);
    expect(bars!.data).toEqual([0, 0.01, 0.05, 0.2]);
    expect(line!.data).toEqual([0, 0.01, 0.06, 0.26]);
    // 0.26 × 1.15 = 0.299 → the next 5 % step, 30 %.
    expect((option.yAxis as { max: number }).max).toBeCloseTo(0.3, 12);
    expect(tooltipOf(option)([{ dataIndex: 3 }])).toContain('P(over budget): 26.0 %');
    expect(renderSvg(option)).toContain('First breach');
  });

  it('keeps a 0–100 % axis when nothing ever happens', () => {
    const option = buildMonthProbabilityOption({ months, first: { name: 'a', values: [0, 0, 0, 0] }, byMonth: { name: 'b', values: [0, 0, 0, 0] }, theme: darkTheme, title: 'none', tone: 'good' });
    expect((option.yAxis as { max: number }).max).toBe(1);
    expect(renderSvg(option)).toContain('2027-04');
  });
});

describe('fan chart with full money on its axis (unit costs)', () => {
  it('labels small amounts with cents instead of rounding them away', () => {
    const unit = (month: string, p50: number): MonthStats => ({ month, ...stats(p50) });
    const option = buildFanChartOption({ stats: [unit('2027-01', 0.07), unit('2027-02', 0.08)], currency: 'USD', theme: lightTheme, axisMoney: 'full' });
    const format = (option.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter;
    expect(format(0.07)).toBe('$0.07');
    const short = buildFanChartOption({ stats: [unit('2027-01', 0.07)], currency: 'USD', theme: lightTheme });
    expect((short.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter(1_200_000)).toBe('$1.2M');
  });
});
