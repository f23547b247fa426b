/** The ECharts option type of every chart builder: only the parts the app registers. */
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  MarkPointComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | ScatterSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | MarkPointComponentOption
  | MarkAreaComponentOption
  | TitleComponentOption
  | DataZoomComponentOption
  | AriaComponentOption
>;

/** One row of an axis tooltip as ECharts passes it to a formatter. */
export interface TooltipParam {
  dataIndex: number;
  seriesName?: string;
  axisValue?: string | number;
  value?: unknown;
}

/** Text helpers every builder uses for tooltips (plain text lines joined by <br/>). */
export function tooltipLines(title: string, lines: readonly [string, string][]): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return [`<strong>${escape(title)}</strong>`, ...lines.map(([label, value]) => `${escape(label)}: ${escape(value)}`)].join('<br/>');
}

/** What every chart shares: its accessible description, no animation, the theme's text on a transparent ground. */
export function chartFrame(theme: { text: string }, description: string): Pick<ChartOption, 'aria' | 'animation' | 'backgroundColor' | 'textStyle'> {
  return { aria: { enabled: true, label: { description } }, animation: false, backgroundColor: 'transparent', textStyle: { color: theme.text } };
}
