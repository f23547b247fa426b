/**
 * Mounts one ECharts instance for a pure option (charts/*-chart.ts) and keeps it sized to its
 * box. A small hook instead of a wrapper library: it disposes cleanly under React StrictMode.
 * The PNG button exports exactly what is drawn, at twice the screen resolution.
 */
import { useEffect, useRef } from 'react';
import { useCommands } from '../app/services.ts';
import { useTheme } from '../app/use-theme.ts';
import type { ChartOption } from './chart-types.ts';
import { echarts } from './echarts-setup.ts';

/**
 * Chart updates wait in a queue and each is drawn in its own task: a new result redraws every
 * chart of a view, and drawn in one frame they would hold the UI thread for one long task.
 */
const pendingDraws = new Map<echarts.ECharts, ChartOption>();
let drawScheduled = false;

function drawNext(): void {
  const next = pendingDraws.entries().next();
  if (next.done) {
    drawScheduled = false;
    return;
  }
  const [instance, option] = next.value;
  pendingDraws.delete(instance);
  if (!instance.isDisposed()) instance.setOption(option, { notMerge: true });
  setTimeout(drawNext, 0);
}

function scheduleDraw(instance: echarts.ECharts, option: ChartOption): void {
  pendingDraws.set(instance, option);
  if (!drawScheduled) {
    drawScheduled = true;
    setTimeout(drawNext, 0);
  }
}

export interface ChartProps {
  option: ChartOption;
  /** Used for the exported file name and as the chart's accessible label. */
  name: string;
  height?: number;
  testId?: string;
}

export function Chart({ option, name, height = 320, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const commands = useCommands();
  const theme = useTheme();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      pendingDraws.delete(instance);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (chart.current) scheduleDraw(chart.current, option);
  }, [option]);

  const exportPng = () => {
    const instance = chart.current;
    if (!instance) return;
    void commands.exportImage(name, instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: theme.background }));
  };

  return (
    <figure className="chart" data-testid={testId}>
      <div className="chart-toolbar">
        <button type="button" className="link-button" onClick={exportPng} aria-label={`Export ${name} as PNG`}>
          PNG
        </button>
      </div>
      <div ref={box} className="chart-canvas" style={{ height }} role="img" aria-label={name} />
    </figure>
  );
}
