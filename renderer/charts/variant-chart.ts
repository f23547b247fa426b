/**
 * Charts of the Compare view: the baseline's and each variant's fan overlaid (P10–P90 band and
 * P50 line in one colour each), and the paired change a variant makes — of the horizon total
 * (P10–P90 and P25–P75 of variant − baseline per trial, around zero) and per month.
 */
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { formatMoney, formatMoneyShort, formatPercent } from '../../models/io/display-format.ts';
import type { MonthStats, Stats } from '../../models/simulate/result.ts';
import { seriesColor, type ChartTheme } from './chart-theme.ts';
import { chartFrame, tooltipLines, type ChartOption, type TooltipParam } from './chart-types.ts';

type SeriesList = NonNullable<ChartOption['series']>;

/**
 * Variant names are sentences ("Legal on Claude Haiku 4.5 instead of Sonnet 4.5"): the legend
 * shows each cut to a fixed width (the full name in its tooltip) and wraps onto more lines, so
 * every variant's colour stays visible without paging.
 */
function wrappingLegend(theme: ChartTheme) {
  return { top: 4, left: 8, right: 8, textStyle: { color: theme.muted, width: 170, overflow: 'truncate' as const }, tooltip: { show: true } };
}

/** Room above the plot for a wrapping legend of `items` entries (about two per line in a half-width panel). */
function legendHeight(items: number): number {
  return 24 + 22 * Math.ceil(items / 2);
}

export interface VariantFan {
  name: string;
  stats: readonly MonthStats[];
}

/**
 * One P10–P90 band per fan: a hidden lower edge plus the band's width on its own stack. The
 * line, the edge and the band share the fan's name, so a click on the legend hides the whole fan.
 */
function fanSeries(fan: VariantFan, color: string, stack: string, opacity: number, zeroLine?: ChartTheme): LineSeriesOption[] {
  const markLine = zeroLine
    ? { markLine: { silent: true, symbol: 'none', lineStyle: { color: zeroLine.text, width: 1, type: 'solid' as const }, label: { formatter: 'no change', position: 'insideEndTop' as const, color: zeroLine.muted }, data: [{ yAxis: 0 }] } }
    : {};
  return [
    { name: fan.name, type: 'line', z: 4, data: fan.stats.map((s) => s.p50), symbol: 'none', lineStyle: { width: 2.5, color }, itemStyle: { color }, ...markLine },
    { name: fan.name, type: 'line', stack, stackStrategy: 'all', data: fan.stats.map((s) => s.p10), symbol: 'none', silent: true, lineStyle: { opacity: 0 }, itemStyle: { color }, emphasis: { disabled: true } },
    {
      name: fan.name,
      type: 'line',
      stack,
      stackStrategy: 'all',
      data: fan.stats.map((s) => s.p90 - s.p10),
      symbol: 'none',
      silent: true,
      lineStyle: { opacity: 0 },
      itemStyle: { color },
      areaStyle: { color, opacity },
      emphasis: { disabled: true },
    },
  ];
}

/** The first fan is the baseline; each later one a variant, in the categorical colours. */
export function buildVariantFansOption(input: { fans: readonly VariantFan[]; currency: string; theme: ChartTheme; title?: string }): ChartOption {
  const { fans, currency, theme } = input;
  const months = fans[0]?.stats.map((s) => s.month) ?? [];
  const colorOf = (i: number) => (i === 0 ? theme.median : seriesColor(theme, i));
  const series: SeriesList = fans.flatMap((fan, i) => fanSeries(fan, colorOf(i), `fan-${i}`, i === 0 ? 0.2 : 0.14));
  return {
    ...chartFrame(theme, input.title ?? 'Baseline and variants per month'),
    grid: { left: 72, right: 24, top: legendHeight(fans.length), bottom: 40 },
    legend: { ...wrappingLegend(theme), data: fans.map((fan, i) => ({ name: fan.name, itemStyle: { color: colorOf(i) } })) },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as TooltipParam[];
        const index = list[0]?.dataIndex ?? 0;
        const shown = new Set(list.map((p) => p.seriesName));
        const lines: [string, string][] = fans
          .filter((fan) => shown.has(fan.name))
          .map((fan) => {
            const s = fan.stats[index];
            return [fan.name, s ? `P50 ${formatMoney(s.p50, currency)} (P10 ${formatMoney(s.p10, currency)} – P90 ${formatMoney(s.p90, currency)})` : 'n/a'];
          });
        return tooltipLines(months[index] ?? '', lines);
      },
    },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { color: theme.muted }, axisLine: { lineStyle: { color: theme.grid } } },
    yAxis: { type: 'value', axisLabel: { color: theme.muted, formatter: (value: number) => formatMoneyShort(value, currency) }, splitLine: { lineStyle: { color: theme.grid } } },
    series,
  };
}

export interface VariantDelta {
  name: string;
  /** Stats of variant − baseline per trial (the engine's `delta`). */
  delta: Stats;
  probabilityCheaper?: number;
  deltaStdError?: number;
}

const signed = (value: number, currency: string) => `${value > 0 ? '+' : ''}${formatMoney(value, currency)}`;
const signedShort = (value: number, currency: string) => `${value > 0 ? '+' : ''}${formatMoneyShort(value, currency)}`;

/**
 * The change of the horizon total, one row per variant: a thin P10–P90 bar and a thick
 * P25–P75 bar of the paired change with its P50 marked, against a line at zero (no change).
 * Bars are drawn from a hidden offset on a stack that adds across signs (`stackStrategy: 'all'`).
 */
export function buildVariantDeltaOption(input: { variants: readonly VariantDelta[]; currency: string; theme: ChartTheme }): ChartOption {
  const { currency, theme } = input;
  // ECharts draws the first category at the bottom: reverse so the list reads top-down like the table.
  const rows = [...input.variants].reverse();
  const color = (name: string) => seriesColor(theme, input.variants.findIndex((v) => v.name === name) + 1);
  const hidden = (stack: string, data: number[]): BarSeriesOption => ({ type: 'bar', stack, stackStrategy: 'all', data, itemStyle: { color: 'transparent' }, silent: true, emphasis: { disabled: true }, tooltip: { show: false } });
  return {
    ...chartFrame(theme, 'Change of the horizon total per variant, trial by trial'),
    // Room above the plot for the legend and, below it, the "no change" label of the zero line.
    grid: { left: 190, right: 40, top: 60, bottom: 36 },
    legend: { top: 4, textStyle: { color: theme.muted }, data: ['P10–P90 of the change', 'P25–P75 of the change', 'P50 of the change'] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = rows[(params as TooltipParam[])[0]?.dataIndex ?? 0];
        if (!row) return '';
        const lines: [string, string][] = [
          ['P90 of the change', signed(row.delta.p90, currency)],
          ['P50 of the change', signed(row.delta.p50, currency)],
          ['P10 of the change', signed(row.delta.p10, currency)],
          ['mean change', `${signed(row.delta.mean, currency)}${row.deltaStdError !== undefined ? ` ± ${formatMoney(row.deltaStdError, currency)}` : ''}`],
        ];
        if (row.probabilityCheaper !== undefined) lines.push(['P(cheaper than the baseline)', formatPercent(row.probabilityCheaper)]);
        return tooltipLines(row.name, lines);
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { color: theme.muted, formatter: (v: number) => signedShort(v, currency) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { color: theme.text, width: 180, overflow: 'truncate' }, axisLine: { lineStyle: { color: theme.grid } } },
    series: [
      hidden('outer', rows.map((r) => r.delta.p10)),
      {
        name: 'P10–P90 of the change',
        type: 'bar',
        stack: 'outer',
        stackStrategy: 'all',
        barWidth: 10,
        data: rows.map((r) => ({ value: r.delta.p90 - r.delta.p10, itemStyle: { color: color(r.name), opacity: 0.45 } })),
        itemStyle: { color: theme.outerBand },
      },
      hidden('inner', rows.map((r) => r.delta.p25)),
      {
        name: 'P25–P75 of the change',
        type: 'bar',
        stack: 'inner',
        stackStrategy: 'all',
        barWidth: 22,
        barGap: '-100%',
        data: rows.map((r) => ({ value: r.delta.p75 - r.delta.p25, itemStyle: { color: color(r.name) } })),
        itemStyle: { color: theme.innerBand },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: theme.text, type: 'solid', width: 1 }, label: { formatter: 'no change', color: theme.muted }, data: [{ xAxis: 0 }] },
      },
      {
        name: 'P50 of the change',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 14,
        z: 5,
        data: rows.map((r, i) => [r.delta.p50, i]),
        itemStyle: { color: theme.text, borderColor: theme.background, borderWidth: 1 },
      },
    ],
  };
}

/** The paired change per month: one P50 line per variant with its P10–P90 band, around zero. */
export function buildMonthlyDeltaOption(input: { variants: readonly { name: string; monthly: readonly MonthStats[] }[]; currency: string; theme: ChartTheme }): ChartOption {
  const { variants, currency, theme } = input;
  const months = variants[0]?.monthly.map((m) => m.month) ?? [];
  const series: SeriesList = variants.flatMap((variant, i) => fanSeries({ name: variant.name, stats: variant.monthly }, seriesColor(theme, i + 1), `delta-${i}`, 0.16, i === 0 ? theme : undefined));
  return {
    ...chartFrame(theme, 'Change per month per variant, trial by trial'),
    grid: { left: 72, right: 24, top: legendHeight(variants.length), bottom: 40 },
    legend: { ...wrappingLegend(theme), data: variants.map((v, i) => ({ name: v.name, itemStyle: { color: seriesColor(theme, i + 1) } })) },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as TooltipParam[];
        const index = list[0]?.dataIndex ?? 0;
        const shown = new Set(list.map((p) => p.seriesName));
        const lines: [string, string][] = variants
          .filter((v) => shown.has(v.name))
          .map((v) => {
            const m = v.monthly[index];
            return [v.name, m ? `${signed(m.p50, currency)} (P10 ${signed(m.p10, currency)} – P90 ${signed(m.p90, currency)})` : 'n/a'];
          });
        return tooltipLines(months[index] ?? '', lines);
      },
    },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { color: theme.muted }, axisLine: { lineStyle: { color: theme.grid } } },
    yAxis: { type: 'value', axisLabel: { color: theme.muted, formatter: (v: number) => signedShort(v, currency) }, splitLine: { lineStyle: { color: theme.grid } } },
    series,
  };
}
