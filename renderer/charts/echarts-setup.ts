/**
 * ECharts with only what the app draws, registered once (about half the full bundle):
 * line, bar, scatter and custom (whisker) charts, grid, tooltip, legend, mark lines/points/areas, titles and
 * zoom, and chart descriptions for screen readers (aria), on the canvas renderer (PNG export).
 */
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  AriaComponent,
  LineChart,
  BarChart,
  ScatterChart,
  // Whiskers (P10–P90 ranges) on the strategy and provider charts.
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  MarkAreaComponent,
  TitleComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

export { echarts };
