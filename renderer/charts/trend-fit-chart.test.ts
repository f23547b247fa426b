/** The Data view's chart: history, fitted curve and projected bands where they belong; ECharts renders the option. */
import { describe, expect, it } from 'vitest';
import { darkTheme, lightTheme } from './chart-theme.ts';
import type { ChartOption } from './chart-types.ts';
import { renderSvg, seriesOf as seriesOfAs, tooltipOf, offsetMonth } from './chart-test-support.ts';
import { buildTrendFitOption } from './trend-fit-chart.ts';

const month = offsetMonth;

type Series = { name?: string; type: string; data: unknown[]; stack?: string; stackStrategy?: string; markLine?: { data: Record<string, unknown>[] } };
const seriesOf = (option: ChartOption) => seriesOfAs<Series>(option);
const values = (s: Series) => s.data.map((d) => (typeof d === 'object' && d !== null && 'value' in d ? (d as { value: number }).value : d)) as (number | null)[];

describe('trend fit chart', () => {
  const history = [
    { month: '2026-10', value: 100 },
    { month: '2026-11', value: 110 },
    { month: '2026-12', value: 125 },
  ];
  const projection = [month('2027-01', 135), month('2027-02', 145)];

  it('draws the history, the fitted curve over it and the bands only over the projected months', () => {
    const option = buildTrendFitOption({ history, fitted: [101, 112, 123], projection, currency: null, forecastStart: '2027-01', seriesName: 'mau', theme: lightTheme });
    const series = seriesOf(option);
    const byName = (name: string) => series.find((s) => s.name === name)!;
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
    expect(byName('mau').data).toEqual([100, 110, 125, null, null]);
    expect(byName('Fitted trend').data).toEqual([101, 112, 123, null, null]);
    expect(byName('Projected P50').data).toEqual([null, null, null, 135, 145]);
    const [p10, b1, b2, b3] = series;
    expect(p10!.data.slice(0, 3)).toEqual([null, null, null]);
    projection.forEach((s, k) => {
      const m = 3 + k;
      expect(values(p10!)[m]).toBe(s.p10);
      expect(values(p10!)[m]! + values(b1!)[m]! + values(b2!)[m]!).toBeCloseTo(s.p75, 9);
      expect(values(p10!)[m]! + values(b1!)[m]! + values(b2!)[m]! + values(b3!)[m]!).toBeCloseTo(s.p90, 9);
    });
    expect(byName('Projected P50').markLine!.data).toEqual([{ xAxis: '2027-01' }]);
    expect(tooltipOf(option)([{ dataIndex: 1 }])).toContain('fitted trend: 112');
    expect(tooltipOf(option)([{ dataIndex: 4 }])).toContain('P90: 175');
    expect(renderSvg(option)).toContain('Fitted trend');
  });

  it('formats money series in their currency and leaves out a fit it does not have', () => {
    const option = buildTrendFitOption({ history, fitted: null, projection: [], currency: 'USD', seriesName: 'cost_total', theme: darkTheme });
    expect(seriesOf(option).some((s) => s.name === 'Fitted trend')).toBe(false);
    expect(tooltipOf(option)([{ dataIndex: 2 }])).toContain('cost_total: $125');
    expect(renderSvg(option)).toContain('cost_total');
  });

  it('draws the months before the fitted stretch muted, with a gap where the series has none', () => {
    const option = buildTrendFitOption({ history, earlier: [{ month: '2026-08', value: 90 }, { month: '2026-09', value: null }], fitted: [101, 112, 123], projection, currency: null, seriesName: 'mau', theme: lightTheme });
    const byName = (name: string) => seriesOf(option).find((s) => s.name === name)!;
    expect((option.xAxis as { data: string[] }).data.slice(0, 3)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(byName('Not fitted').data).toEqual([90, null, null, null, null, null, null]);
    expect(byName('mau').data).toEqual([null, null, 100, 110, 125, null, null]);
    expect(byName('Fitted trend').data.slice(2, 5)).toEqual([101, 112, 123]);
    expect(byName('Projected P50').data.slice(5)).toEqual([135, 145]);
    expect(tooltipOf(option)([{ dataIndex: 1 }])).toContain('no data');
    expect(tooltipOf(option)([{ dataIndex: 3 }])).toContain('fitted trend: 112');
    expect(renderSvg(option)).toContain('Not fitted');
  });
});
