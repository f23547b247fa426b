/**
 * The Data view's chart: an imported history as points and a line, the fitted trend over it
 * (dashed), and the projected months after it as P10–P90 and P25–P75 bands around the P50,
 * with the forecast's first month marked. Bands are the fan chart's stack of a hidden lower
 * edge plus band widths; the history months carry no band values (gaps, not zeros).
 */
import { formatMoney, formatMoneyShort, formatNumber } from '../../models/io/display-format.ts';
import type { MonthStats } from '../../models/simulate/result.ts';
import type { ChartTheme } from './chart-theme.ts';
import { chartFrame, tooltipLines, type ChartOption, type TooltipParam } from './chart-types.ts';

export interface TrendFitChartInput {
  /** The history fitted, consecutive months ascending. */
  history: readonly { month: string; value: number }[];
  /** Months of the series before the fitted stretch (null where it has no value), drawn muted as "not fitted". */
  earlier?: readonly { month: string; value: number | null }[];
  /** The fitted curve at each history month, or null when there is no fit. */
  fitted: readonly number[] | null;
  /** Projected months after the history. */
  projection: readonly MonthStats[];
  /** Money series are formatted in this currency; null for counts (users, tokens, hours). */
  currency: string | null;
  /** The forecast's first month, marked when it falls on the chart. */
  forecastStart?: string | null;
  /** Name of the history in the legend and tooltip. */
  seriesName: string;
  theme: ChartTheme;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function buildTrendFitOption(input: TrendFitChartInput): ChartOption {
  const { history, fitted, projection, currency, theme, seriesName } = input;
  const earlier = input.earlier ?? [];
  const lead = earlier.length;
  const months = [...earlier.map((e) => e.month), ...history.map((h) => h.month), ...projection.map((p) => p.month)];
  const pad = (values: readonly (number | null)[], before: number, after: number): (number | null)[] => [...Array<null>(before).fill(null), ...values, ...Array<null>(after).fill(null)];
  const before = lead + history.length;
  const projected = (pick: (s: MonthStats) => number) => pad(projection.map(pick), before, 0);
  const full = (value: number) => (currency ? formatMoney(value, currency) : formatNumber(value, Math.abs(value) < 100 ? 2 : 0));
  const short = (value: number) => (currency ? formatMoneyShort(value, currency) : compact.format(value));
  const band = (name: string, data: (number | null)[], color: string | null) => ({
    name,
    type: 'line' as const,
    stack: 'projection',
    data,
    symbol: 'none',
    silent: true,
    lineStyle: { opacity: 0 },
    itemStyle: { color: color ?? 'transparent' },
    ...(color ? { areaStyle: { color, opacity: 1 } } : {}),
    emphasis: { disabled: true },
  });
  const start = input.forecastStart && months.includes(input.forecastStart) ? input.forecastStart : null;
  const series: NonNullable<ChartOption['series']> = [
    band('P10', projected((s) => s.p10), null),
    band('P10–P25', projected((s) => s.p25 - s.p10), theme.outerBand),
    band('P25–P75', projected((s) => s.p75 - s.p25), theme.innerBand),
    band('P75–P90', projected((s) => s.p90 - s.p75), theme.outerBand),
    {
      name: 'Projected P50',
      type: 'line',
      data: projected((s) => s.p50),
      symbol: 'none',
      lineStyle: { width: 2, color: theme.median },
      itemStyle: { color: theme.median },
      ...(start
        ? { markLine: { silent: true, symbol: 'none', lineStyle: { color: theme.budget, type: 'dashed' as const }, label: { formatter: 'forecast starts', color: theme.muted }, data: [{ xAxis: start }] } }
        : {}),
    },
    { name: seriesName, type: 'line', data: pad(history.map((h) => h.value), lead, projection.length), symbol: 'circle', symbolSize: 6, lineStyle: { width: 2, color: theme.text }, itemStyle: { color: theme.text } },
  ];
  if (lead) {
    series.push({ name: 'Not fitted', type: 'line', data: pad(earlier.map((e) => e.value), 0, history.length + projection.length), symbol: 'emptyCircle', symbolSize: 6, lineStyle: { width: 1.5, type: 'dotted', color: theme.muted }, itemStyle: { color: theme.muted } });
  }
  if (fitted) {
    series.push({ name: 'Fitted trend', type: 'line', data: pad(fitted, lead, projection.length), symbol: 'none', lineStyle: { width: 2, type: 'dashed', color: theme.budget }, itemStyle: { color: theme.budget } });
  }
  return {
    ...chartFrame(theme, `History of ${seriesName} with the fitted trend and its projected bands`),
    grid: { left: 72, right: 24, top: 40, bottom: 40 },
    legend: {
      top: 4,
      textStyle: { color: theme.muted },
      data: [seriesName, ...(lead ? ['Not fitted'] : []), ...(fitted ? ['Fitted trend'] : []), ...(projection.length ? ['Projected P50', 'P25–P75', 'P75–P90'] : [])],
      formatter: (name: string) => (name === 'P25–P75' ? 'P25–P75 (50 %)' : name === 'P75–P90' ? 'P10–P90 (80 %)' : name),
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as TooltipParam[])[0]?.dataIndex ?? 0;
        const month = months[index] ?? '';
        if (index < lead) {
          const value = earlier[index]?.value ?? null;
          return tooltipLines(`${month} (not fitted)`, [[seriesName, value === null ? 'no data' : full(value)]]);
        }
        if (index < before) {
          const lines: [string, string][] = [[seriesName, full(history[index - lead]?.value ?? Number.NaN)]];
          if (fitted) lines.push(['fitted trend', full(fitted[index - lead] ?? Number.NaN)]);
          return tooltipLines(month, lines);
        }
        const s = projection[index - before];
        if (!s) return '';
        return tooltipLines(`${month} (projected)`, [
          ['P90', full(s.p90)],
          ['P75', full(s.p75)],
          ['P50', full(s.p50)],
          ['P25', full(s.p25)],
          ['P10', full(s.p10)],
        ]);
      },
    },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { color: theme.muted }, axisLine: { lineStyle: { color: theme.grid } } },
    yAxis: { type: 'value', axisLabel: { color: theme.muted, formatter: (value: number) => short(value) }, splitLine: { lineStyle: { color: theme.grid } } },
    series,
  };
}
