/**
 * The tornado: for each top driver, how far the P50 of the total moves when the driver sits in
 * its bottom and in its top 10 % of trials, as bars around the overall P50.
 */
import { formatMoney, formatMoneyShort } from '../../models/io/display-format.ts';
import type { SensitivityEntry } from '../../models/simulate/result.ts';
import { seriesColor, type ChartTheme } from './chart-theme.ts';
import { chartFrame, tooltipLines, type ChartOption, type TooltipParam } from './chart-types.ts';

/** The drivers drawn, most influential at the top, at most `limit`. */
export function tornadoRows(sensitivity: readonly SensitivityEntry[], limit = 8): SensitivityEntry[] {
  return sensitivity.filter((s) => s.p50AtLow !== undefined && s.p50AtHigh !== undefined).slice(0, limit);
}

export function buildTornadoOption(input: { sensitivity: readonly SensitivityEntry[]; baseP50: number; currency: string; theme: ChartTheme; limit?: number }): ChartOption {
  const { baseP50, currency, theme } = input;
  // ECharts draws the first category at the bottom: reverse so the largest swing is on top.
  const rows = tornadoRows(input.sensitivity, input.limit).reverse();
  const low = rows.map((r) => (r.p50AtLow ?? baseP50) - baseP50);
  const high = rows.map((r) => (r.p50AtHigh ?? baseP50) - baseP50);
  return {
    ...chartFrame(theme, 'What drives the spread of the total'),
    grid: { left: 170, right: 32, top: 36, bottom: 32 },
    legend: { top: 4, textStyle: { color: theme.muted } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const index = (params as TooltipParam[])[0]?.dataIndex ?? 0;
        const row = rows[index];
        if (!row) return '';
        return tooltipLines(row.driver, [
          ['rank correlation with the total', row.rankCorrelation.toFixed(2)],
          ['P50 when in its bottom 10 %', formatMoney(row.p50AtLow ?? Number.NaN, currency)],
          ['P50 when in its top 10 %', formatMoney(row.p50AtHigh ?? Number.NaN, currency)],
          ...(row.spreadReduction !== undefined ? ([['P10–P90 spread saved if known', formatMoney(row.spreadReduction, currency)]] as [string, string][]) : []),
        ]);
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { color: theme.muted, formatter: (v: number) => `${v > 0 ? '+' : ''}${formatMoneyShort(v, currency)}` },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: { type: 'category', data: rows.map((r) => r.driver), axisLabel: { color: theme.text, width: 160, overflow: 'truncate' }, axisLine: { lineStyle: { color: theme.grid } } },
    series: [
      { name: 'Driver in its bottom 10 %', type: 'bar', stack: 'swing', data: low, itemStyle: { color: seriesColor(theme, 1) }, barMaxWidth: 22 },
      { name: 'Driver in its top 10 %', type: 'bar', stack: 'swing', data: high, itemStyle: { color: seriesColor(theme, 2) }, barMaxWidth: 22 },
    ],
  };
}
