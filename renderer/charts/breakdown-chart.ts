/**
 * Stacked monthly bars of the P50 of each group (workload, or tag value). The P50s of parts do
 * not add up to the P50 of the whole; the chart says so in its subtitle.
 */
import { formatMoney, formatMoneyShort } from '../../models/io/display-format.ts';
import type { ChartTheme } from './chart-theme.ts';
import { chartFrame, tooltipLines, type ChartOption, type TooltipParam } from './chart-types.ts';

export interface BreakdownGroup {
  name: string;
  /** P50 per month. */
  values: readonly number[];
}

export function buildBreakdownOption(input: { months: readonly string[]; groups: readonly BreakdownGroup[]; currency: string; theme: ChartTheme; title?: string }): ChartOption {
  const { months, groups, currency, theme } = input;
  return {
    ...chartFrame(theme, input.title ?? 'Cost breakdown by month'),
    color: [...theme.series],
    // Every part named at once below the bars (a paging legend hides names): one row per three.
    grid: { left: 72, right: 24, top: 16, bottom: 36 + Math.ceil(groups.length / 3) * 22 },
    legend: { bottom: 0, type: 'plain', itemGap: 14, textStyle: { color: theme.muted, width: 150, overflow: 'truncate' } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const index = (params as TooltipParam[])[0]?.dataIndex ?? 0;
        const lines = groups.map((g): [string, string] => [g.name, formatMoney(g.values[index] ?? Number.NaN, currency)]);
        return tooltipLines(`${months[index] ?? ''} — P50 of each`, lines);
      },
    },
    xAxis: { type: 'category', data: [...months], axisLabel: { color: theme.muted }, axisLine: { lineStyle: { color: theme.grid } } },
    yAxis: { type: 'value', axisLabel: { color: theme.muted, formatter: (v: number) => formatMoneyShort(v, currency) }, splitLine: { lineStyle: { color: theme.grid } } },
    series: groups.map((g) => ({ name: g.name, type: 'bar', stack: 'total', data: [...g.values], barMaxWidth: 36, emphasis: { focus: 'series' } })),
  };
}
