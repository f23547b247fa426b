/**
 * The commitment curve of one GPU type and term: the horizon total (expected and P90) against
 * the committed GPU-hours per month, with the optimizer's level and the scenario's current
 * commitment marked. The engine prices every level; this only draws its points.
 */
import { formatMoney, formatMoneyShort, formatNumber } from '../../models/io/display-format.ts';
import { seriesColor, type ChartTheme } from './chart-theme.ts';
import { chartFrame, tooltipLines, type ChartOption, type TooltipParam } from './chart-types.ts';

export interface CommitmentCurveInput {
  gpu: string;
  term: '1y' | '3y';
  points: readonly { gpuHoursPerMonth: number; expectedCost: number; p90Cost: number }[];
  /** The optimizer's level (one of the points), when known. */
  optimum?: number | undefined;
  /** The scenario's configured level, or null. */
  configured?: number | null | undefined;
  currency: string;
  theme: ChartTheme;
}

/** The point of the curve at a level (the engine includes the optimum and configured levels as points). */
export function pointAt(points: CommitmentCurveInput['points'], level: number): CommitmentCurveInput['points'][number] | undefined {
  let best = points[0];
  for (const point of points) if (Math.abs(point.gpuHoursPerMonth - level) < Math.abs((best?.gpuHoursPerMonth ?? Infinity) - level)) best = point;
  return best;
}

const hours = (v: number) => `${formatNumber(v)} GPU-h/mo`;

export function buildCommitmentCurveOption(input: CommitmentCurveInput): ChartOption {
  const { points, currency, theme, optimum, configured } = input;
  const markers: { xAxis: number; name: string; color: string; position: 'insideEndTop' | 'insideEndBottom' }[] = [];
  // Short labels along the lines (the axis names the unit); two levels close together stay readable.
  if (optimum !== undefined) markers.push({ xAxis: optimum, name: `optimum ${formatNumber(optimum)}`, color: theme.good, position: 'insideEndTop' });
  if (configured !== null && configured !== undefined) markers.push({ xAxis: configured, name: `current ${formatNumber(configured)}`, color: theme.budget, position: 'insideEndBottom' });
  const optimumPoint = optimum !== undefined ? pointAt(points, optimum) : undefined;
  return {
    ...chartFrame(theme, `Commitment curve, ${input.gpu} ${input.term}`),
    grid: { left: 72, right: 28, top: 40, bottom: 48 },
    legend: { top: 4, textStyle: { color: theme.muted }, data: ['Expected total', 'P90 total'] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const index = (params as TooltipParam[])[0]?.dataIndex ?? 0;
        const point = points[index];
        if (!point) return '';
        return tooltipLines(`${input.gpu} ${input.term}: ${hours(point.gpuHoursPerMonth)}`, [
          ['expected total', formatMoney(point.expectedCost, currency)],
          ['P90 total', formatMoney(point.p90Cost, currency)],
        ]);
      },
    },
    xAxis: {
      type: 'value',
      name: `committed ${input.gpu} GPU-hours per month (${input.term})`,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: theme.muted },
      min: 0,
      axisLabel: { color: theme.muted, formatter: (v: number) => formatNumber(v) },
      splitLine: { show: false },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: { type: 'value', scale: true, axisLabel: { color: theme.muted, formatter: (v: number) => formatMoneyShort(v, currency) }, splitLine: { lineStyle: { color: theme.grid } } },
    series: [
      {
        name: 'Expected total',
        type: 'line',
        data: points.map((p) => [p.gpuHoursPerMonth, p.expectedCost]),
        symbol: 'none',
        lineStyle: { width: 2.5, color: theme.median },
        itemStyle: { color: theme.median },
        markLine: {
          silent: true,
          symbol: 'none',
          data: markers.map((m) => ({ xAxis: m.xAxis, name: m.name, lineStyle: { color: m.color, width: 2, type: 'dashed' }, label: { formatter: m.name, color: m.color, position: m.position } })),
        },
        ...(optimumPoint ? { markPoint: { symbol: 'circle', symbolSize: 10, itemStyle: { color: theme.good }, label: { show: false }, data: [{ coord: [optimumPoint.gpuHoursPerMonth, optimumPoint.expectedCost], name: 'optimum' }] } } : {}),
      },
      { name: 'P90 total', type: 'line', data: points.map((p) => [p.gpuHoursPerMonth, p.p90Cost]), symbol: 'none', lineStyle: { width: 1.5, type: 'dashed', color: seriesColor(theme, 2) }, itemStyle: { color: seriesColor(theme, 2) } },
    ],
  };
}
