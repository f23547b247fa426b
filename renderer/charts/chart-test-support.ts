/**
 * What the chart builder tests share: ECharts' server-side SVG renderer (it proves ECharts
 * accepts an option, without a browser), typed views of an option's series and tooltip, and
 * made-up statistics around a P50.
 */
import * as echarts from 'echarts';
import type { MonthStats, Stats } from '../../models/simulate/result.ts';
import type { ChartOption } from './chart-types.ts';

/** Renders `option` to an SVG string, as ECharts would draw it. */
export function renderSvg(option: ChartOption, width = 700, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** The option's series, seen as the shape a test reads. */
export function seriesOf<T>(option: ChartOption): T[] {
  return option.series as unknown as T[];
}

/** The option's tooltip formatter. */
export function tooltipOf(option: ChartOption): (params: unknown) => string {
  return (option.tooltip as { formatter: (params: unknown) => string }).formatter;
}

/** Statistics with fixed offsets around `p50` (P10 = P50 − 30, P90 = P50 + 30, …). */
export function offsetStats(p50: number): Stats {
  return { mean: p50, sd: Math.abs(p50) / 10 + 1, p5: p50 - 40, p10: p50 - 30, p25: p50 - 10, p50, p75: p50 + 10, p90: p50 + 30, p95: p50 + 40 };
}

export function offsetMonth(month: string, p50: number): MonthStats {
  return { month, ...offsetStats(p50) };
}
