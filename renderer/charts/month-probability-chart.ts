/**
 * Probabilities month by month: bars for "it happens first in this month" (budget breach,
 * payback) and a line for "it has happened by the end of this month" (P(over budget), P(paid
 * back)), on one percentage axis. Both series come from the engine, one value per month.
 */
import { formatPercent } from '../../models/io/display-format.ts';
import { seriesColor, type ChartTheme } from './chart-theme.ts';
import { chartFrame, tooltipLines, type ChartOption, type TooltipParam } from './chart-types.ts';

export interface MonthProbabilityInput {
  months: readonly string[];
  /** Share of all trials for which it happens first in each month. */
  first: { name: string; values: readonly number[] };
  /** Probability that it has happened by the end of each month. */
  byMonth: { name: string; values: readonly number[] };
  theme: ChartTheme;
  title: string;
  /** Colour of the bars (default: the theme's warning colour for budgets). */
  tone?: 'bad' | 'good';
}

export function buildMonthProbabilityOption({ months, first, byMonth, theme, title, tone = 'bad' }: MonthProbabilityInput): ChartOption {
  const barColor = tone === 'bad' ? theme.budget : theme.good;
  const top = Math.max(0, ...first.values, ...byMonth.values);
  return {
    ...chartFrame(theme, title),
    grid: { left: 56, right: 24, top: 36, bottom: 40 },
    legend: { top: 4, textStyle: { color: theme.muted } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const index = (params as TooltipParam[])[0]?.dataIndex ?? 0;
        return tooltipLines(months[index] ?? '', [
          [first.name, formatPercent(first.values[index] ?? Number.NaN)],
          [byMonth.name, formatPercent(byMonth.values[index] ?? Number.NaN)],
        ]);
      },
    },
    xAxis: { type: 'category', data: [...months], axisLabel: { color: theme.muted }, axisLine: { lineStyle: { color: theme.grid } } },
    yAxis: {
      type: 'value',
      min: 0,
      // Small probabilities still fill the chart; the axis never claims more than 100 %.
      max: top > 0 ? Math.min(1, Math.ceil(top * 1.15 * 20) / 20) : 1,
      axisLabel: { color: theme.muted, formatter: (v: number) => formatPercent(v, 0) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      { name: first.name, type: 'bar', data: [...first.values], barMaxWidth: 22, itemStyle: { color: barColor, opacity: 0.75 } },
      { name: byMonth.name, type: 'line', data: [...byMonth.values], symbol: 'circle', symbolSize: 5, lineStyle: { width: 2.5, color: seriesColor(theme, 0) }, itemStyle: { color: seriesColor(theme, 0) } },
    ],
  };
}
