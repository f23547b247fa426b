/**
 * The distribution of an amount (the horizon total, an ROI, a driver): its histogram as a
 * stepped area, the CDF from the exact percentiles on a second axis, and an optional marker
 * (the budget) with the probability of exceeding it.
 */
import { formatMoney, formatMoneyShort, formatNumber, formatPercent } from '../../models/io/display-format.ts';
import type { SampleShape } from '../../models/simulate/result.ts';
import { seriesColor, type ChartTheme } from './chart-theme.ts';
import { chartFrame, tooltipLines, type ChartOption } from './chart-types.ts';

export interface DistributionInput {
  shape: SampleShape;
  theme: ChartTheme;
  /** Money in this currency, or plain numbers when null. */
  currency: string | null;
  marker?: { value: number; label: string; probabilityAbove?: number } | null;
  title?: string;
  /** Draw values as percentages (ROI). */
  percent?: boolean;
}

/** Bin centres and counts as [x, share of trials] pairs. */
export function histogramPoints(shape: SampleShape): [number, number][] {
  const { min, max, counts } = shape.histogram;
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  const width = counts.length ? (max - min) / counts.length : 0;
  return counts.map((count, i) => [min + (i + 0.5) * width, count / total]);
}

/** Whether a marker sits near enough to the sample to draw it without squashing the histogram. */
export function markerInView(shape: SampleShape, value: number): boolean {
  const { min, max } = shape.histogram;
  const span = max - min || Math.abs(max) || 1;
  return value >= min - span && value <= max + span;
}

export function buildDistributionOption({ shape, theme, currency, marker: requested, title, percent = false }: DistributionInput): ChartOption {
  // A budget far outside every trial is stated in the subtitle instead of stretching the axis.
  const marker = requested && markerInView(shape, requested.value) ? requested : null;
  const fmt = (v: number) => (percent ? formatPercent(v, 0) : currency ? formatMoney(v, currency) : formatNumber(v, Math.abs(v) < 10 ? 2 : 0));
  const fmtShort = (v: number) => (percent ? formatPercent(v, 0) : currency ? formatMoneyShort(v, currency) : formatNumber(v, Math.abs(v) < 10 ? 2 : 0));
  const cdf = shape.percentiles.map((value, p): [number, number] => [value, p / 100]);
  const bars = histogramPoints(shape);
  const series: NonNullable<ChartOption['series']> = [
    {
      name: 'Share of trials',
      type: 'line',
      step: 'middle',
      data: bars,
      symbol: 'none',
      lineStyle: { width: 1, color: theme.median },
      areaStyle: { color: theme.innerBand, opacity: 1 },
      itemStyle: { color: theme.median },
      ...(marker
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { color: theme.budget, width: 2, type: 'dashed' },
              label: { formatter: marker.label, color: theme.budget, position: 'insideEndTop' },
              data: [{ xAxis: marker.value }],
            },
          }
        : {}),
    },
    { name: 'Cumulative', type: 'line', yAxisIndex: 1, data: cdf, symbol: 'none', smooth: false, lineStyle: { width: 2, color: seriesColor(theme, 2) }, itemStyle: { color: seriesColor(theme, 2) } },
  ];
  const lo = shape.histogram.min;
  const hi = shape.histogram.max;
  const pad = (hi - lo) * 0.03 || Math.abs(hi) * 0.05 || 1;
  const offChart = requested && !marker ? `${requested.label} ${fmt(requested.value)} is ${requested.value > hi ? 'above' : 'below'} the chart` : '';
  return {
    ...chartFrame(theme, title ?? 'Distribution'),
    ...(offChart ? { title: { text: offChart, left: 64, top: 30, textStyle: { fontSize: 11, fontWeight: 'normal', color: theme.budget } } } : {}),
    grid: { left: 56, right: 56, top: 36, bottom: 40 },
    legend: { top: 4, textStyle: { color: theme.muted } },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = (params as { value?: unknown }[])[0];
        const x = Array.isArray(first?.value) ? Number(first.value[0]) : Number.NaN;
        const below = cdf.findIndex(([value]) => value >= x);
        const lines: [string, string][] = [['P(≤ this)', below < 0 ? '100 %' : formatPercent(cdf[below]![1], 0)]];
        if (marker?.probabilityAbove !== undefined) lines.push([`P(above ${marker.label})`, formatPercent(marker.probabilityAbove)]);
        return tooltipLines(fmt(x), lines);
      },
    },
    xAxis: {
      type: 'value',
      min: Math.min(lo - pad, marker ? marker.value - pad : Infinity),
      max: Math.max(hi + pad, marker ? marker.value + pad : -Infinity),
      axisLabel: { color: theme.muted, formatter: (v: number) => fmtShort(v) },
      splitLine: { show: false },
      axisLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: [
      { type: 'value', name: 'share', axisLabel: { color: theme.muted, formatter: (v: number) => formatPercent(v, 0) }, splitLine: { lineStyle: { color: theme.grid } }, nameTextStyle: { color: theme.muted } },
      { type: 'value', name: 'cumulative', min: 0, max: 1, axisLabel: { color: theme.muted, formatter: (v: number) => formatPercent(v, 0) }, splitLine: { show: false }, nameTextStyle: { color: theme.muted } },
    ],
    series,
  };
}
