/**
 * Side-by-side totals with their uncertainty: one horizontal bar per row up to its P50 and a
 * P10–P90 whisker over it (pricing strategies, cloud providers). An optional second panel on
 * the right draws another figure of the same rows (CO2e of each provider) on its own axis.
 */
import { formatMoney, formatMoneyShort } from '../../models/io/display-format.ts';
import type { Stats } from '../../models/simulate/result.ts';
import { seriesColor, type ChartTheme } from './chart-theme.ts';
import { chartFrame, tooltipLines, type ChartOption, type TooltipParam } from './chart-types.ts';

export interface RangeBarRow {
  name: string;
  stats: Stats;
  /** Drawn in the accent colour (the scenario's own provider, the recommended strategy). */
  highlight?: boolean;
  /** Extra tooltip lines. */
  details?: [string, string][];
}

export interface RangeBarInput {
  rows: readonly RangeBarRow[];
  currency: string;
  theme: ChartTheme;
  title: string;
  /** Another figure per row, drawn as plain bars in a right-hand panel. */
  secondary?: { name: string; values: readonly number[]; format: (value: number) => string } | null;
}

/** The whisker of one row: [row index, P10, P90]. */
export function whiskerData(rows: readonly RangeBarRow[]): [number, number, number][] {
  return rows.map((row, i) => [i, row.stats.p10, row.stats.p90]);
}

interface RenderApi {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
  size(value: [number, number]): [number, number];
  style(extra?: Record<string, unknown>): Record<string, unknown>;
}

/** Draws a P10–P90 whisker with end caps across a row's band (a custom series' renderItem). */
function renderWhisker(color: string) {
  return (_params: unknown, api: RenderApi) => {
    const row = api.value(0);
    const [x10, y] = api.coord([api.value(1), row]);
    const [x90] = api.coord([api.value(2), row]);
    const cap = Math.max(4, api.size([0, 1])[1] * 0.22);
    const line = (x1: number, y1: number, x2: number, y2: number) => ({ type: 'line', shape: { x1, y1, x2, y2 }, style: { stroke: color, lineWidth: 2 } });
    return { type: 'group', children: [line(x10, y, x90, y), line(x10, y - cap, x10, y + cap), line(x90, y - cap, x90, y + cap)] };
  };
}

export function buildRangeBarOption({ rows, currency, theme, title, secondary }: RangeBarInput): ChartOption {
  const names = rows.map((row) => row.name);
  const money = (v: number) => formatMoney(v, currency);
  const categoryAxis = (gridIndex: number, show: boolean) => ({
    type: 'category' as const,
    gridIndex,
    data: names,
    inverse: true,
    axisLabel: { show, color: theme.text, width: 150, overflow: 'truncate' as const },
    axisTick: { show: false },
    axisLine: { lineStyle: { color: theme.grid } },
  });
  const series: NonNullable<ChartOption['series']> = [
    {
      name: 'P50',
      type: 'bar',
      // A highlighted bar is dark in light mode and light in dark mode: its label takes the opposite.
      data: rows.map((row) => ({ value: row.stats.p50, itemStyle: { color: row.highlight ? theme.median : theme.innerBand }, ...(row.highlight ? { label: { color: theme.name === 'dark' ? theme.background : '#ffffff' } } : {}) })),
      barMaxWidth: 26,
      label: { show: true, position: 'insideLeft', color: theme.text, formatter: (p: { value?: unknown }) => formatMoneyShort(Number(p.value), currency) },
    },
    {
      name: 'P10–P90',
      type: 'custom',
      renderItem: renderWhisker(theme.text) as never,
      data: whiskerData(rows),
      encode: { x: [1, 2], y: 0 },
      itemStyle: { color: theme.text },
      z: 3,
      silent: true,
    },
  ];
  if (secondary) {
    series.push({
      name: secondary.name,
      type: 'bar',
      xAxisIndex: 1,
      yAxisIndex: 1,
      data: [...secondary.values],
      barMaxWidth: 18,
      itemStyle: { color: seriesColor(theme, 1) },
      label: { show: true, position: 'right', color: theme.muted, formatter: (p: { value?: unknown }) => secondary.format(Number(p.value)) },
    });
  }
  return {
    ...chartFrame(theme, title),
    legend: { top: 4, textStyle: { color: theme.muted }, data: ['P50', 'P10–P90', ...(secondary ? [secondary.name] : [])] },
    grid: secondary
      ? [
          { left: 160, right: '38%', top: 36, bottom: 36 },
          { left: '66%', right: 56, top: 36, bottom: 36 },
        ]
      : [{ left: 160, right: '4%', top: 36, bottom: 36 }],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const index = (params as TooltipParam[])[0]?.dataIndex ?? 0;
        const row = rows[index];
        if (!row) return '';
        const lines: [string, string][] = [
          ['P90', money(row.stats.p90)],
          ['P50', money(row.stats.p50)],
          ['P10', money(row.stats.p10)],
          ['mean', money(row.stats.mean)],
          ...(secondary ? ([[secondary.name, secondary.format(secondary.values[index] ?? Number.NaN)]] as [string, string][]) : []),
          ...(row.details ?? []),
        ];
        return tooltipLines(row.name, lines);
      },
    },
    xAxis: [
      { type: 'value', gridIndex: 0, min: 0, axisLabel: { color: theme.muted, formatter: (v: number) => formatMoneyShort(v, currency) }, splitLine: { lineStyle: { color: theme.grid } } },
      ...(secondary ? [{ type: 'value' as const, gridIndex: 1, min: 0, name: secondary.name, nameLocation: 'middle' as const, nameGap: 24, nameTextStyle: { color: theme.muted }, axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.grid } } }] : []),
    ],
    yAxis: [categoryAxis(0, true), ...(secondary ? [categoryAxis(1, false)] : [])],
    series,
  };
}
