/**
 * The fan chart: P10–P90 and P25–P75 bands, the P50 line and an optional budget line, per
 * month. Each band is a hidden lower series plus an (upper − lower) series with an area on one
 * stack; the tooltip prints the real percentiles, not the stacked differences.
 */
import { formatMoney, formatMoneyShort } from '../../models/io/display-format.ts';
import type { MonthStats } from '../../models/simulate/result.ts';
import { seriesColor, type ChartTheme } from './chart-theme.ts';
import { chartFrame, tooltipLines, type ChartOption, type TooltipParam } from './chart-types.ts';

export interface FanChartInput {
  stats: readonly MonthStats[];
  currency: string;
  theme: ChartTheme;
  /** A line to compare against (monthly or cumulative budget), one value per month. */
  budget?: readonly number[] | null;
  /** Other P50 lines to overlay (variants), each with a name. */
  overlays?: readonly { name: string; p50: readonly number[] }[];
  /** Accessible name of the chart. */
  title?: string;
  /** Axis labels: short money ($1.2M, the default) or full money with cents below 100 (unit costs). */
  axisMoney?: 'short' | 'full';
}

export function buildFanChartOption({ stats, currency, theme, budget, overlays = [], title, axisMoney = 'short' }: FanChartInput): ChartOption {
  const months = stats.map((s) => s.month);
  const band = (name: string, values: number[], color: string | null) => ({
    name,
    type: 'line' as const,
    stack: 'fan',
    data: values,
    symbol: 'none',
    silent: true,
    lineStyle: { opacity: 0 },
    itemStyle: { color: color ?? 'transparent' },
    ...(color ? { areaStyle: { color, opacity: 1 } } : {}),
    emphasis: { disabled: true },
  });
  const series: NonNullable<ChartOption['series']> = [
    band('P10', stats.map((s) => s.p10), null),
    band('P10–P25', stats.map((s) => s.p25 - s.p10), theme.outerBand),
    band('P25–P75', stats.map((s) => s.p75 - s.p25), theme.innerBand),
    band('P75–P90', stats.map((s) => s.p90 - s.p75), theme.outerBand),
    { name: 'P50', type: 'line', data: stats.map((s) => s.p50), symbol: 'circle', symbolSize: 5, lineStyle: { width: 2.5, color: theme.median }, itemStyle: { color: theme.median } },
  ];
  overlays.forEach((overlay, i) => {
    const color = seriesColor(theme, i + 1);
    series.push({ name: overlay.name, type: 'line', data: [...overlay.p50], symbol: 'none', lineStyle: { width: 2, color, type: 'solid' }, itemStyle: { color } });
  });
  if (budget) {
    series.push({ name: 'Budget', type: 'line', data: [...budget], symbol: 'none', step: false, lineStyle: { width: 2, color: theme.budget, type: 'dashed' }, itemStyle: { color: theme.budget } });
  }
  return {
    ...chartFrame(theme, title ?? 'Forecast fan chart'),
    grid: { left: 72, right: 24, top: 36, bottom: 40 },
    legend: {
      top: 4,
      textStyle: { color: theme.muted },
      data: ['P25–P75', 'P75–P90', 'P50', ...overlays.map((o) => o.name), ...(budget ? ['Budget'] : [])],
      formatter: (name: string) => (name === 'P25–P75' ? 'P25–P75 (50 %)' : name === 'P75–P90' ? 'P10–P90 (80 %)' : name),
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as TooltipParam[])[0]?.dataIndex ?? 0;
        const s = stats[index];
        if (!s) return '';
        const lines: [string, string][] = [
          ['P90', formatMoney(s.p90, currency)],
          ['P75', formatMoney(s.p75, currency)],
          ['P50', formatMoney(s.p50, currency)],
          ['P25', formatMoney(s.p25, currency)],
          ['P10', formatMoney(s.p10, currency)],
        ];
        overlays.forEach((o) => lines.push([`${o.name} P50`, formatMoney(o.p50[index] ?? Number.NaN, currency)]));
        if (budget) lines.push(['Budget', formatMoney(budget[index] ?? Number.NaN, currency)]);
        return tooltipLines(s.month, lines);
      },
    },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { color: theme.muted }, axisLine: { lineStyle: { color: theme.grid } } },
    yAxis: {
      type: 'value',
      axisLabel: { color: theme.muted, formatter: (value: number) => (axisMoney === 'full' ? formatMoney(value, currency) : formatMoneyShort(value, currency)) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series,
  };
}
