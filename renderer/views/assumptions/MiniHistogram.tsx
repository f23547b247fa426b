/** A small histogram of a driver's samples from the latest run (SVG, no chart library). */
import { formatNumber } from '../../../models/io/display-format.ts';
import type { SampleShape } from '../../../models/simulate/result.ts';

export function MiniHistogram({ shape, width = 120, height = 30, label }: { shape: SampleShape; width?: number; height?: number; label: string }) {
  const { counts, min, max } = shape.histogram;
  const peak = Math.max(...counts, 1);
  const barWidth = width / counts.length;
  const p10 = shape.percentiles[10] ?? Number.NaN;
  const p90 = shape.percentiles[90] ?? Number.NaN;
  const digits = Math.abs(max - min) < 10 ? 2 : 0;
  return (
    <svg className="mini-histogram" width={width} height={height} role="img" aria-label={`${label}: samples from ${formatNumber(min, digits)} to ${formatNumber(max, digits)}, P10 ${formatNumber(p10, digits)}, P90 ${formatNumber(p90, digits)}`}>
      <title>{`P10 ${formatNumber(p10, digits)} · P50 ${formatNumber(shape.percentiles[50] ?? Number.NaN, digits)} · P90 ${formatNumber(p90, digits)}`}</title>
      {counts.map((count, i) => {
        const h = (count / peak) * (height - 2);
        return <rect key={i} x={i * barWidth} y={height - h} width={Math.max(barWidth - 0.5, 0.5)} height={h} fill="var(--accent)" opacity={0.75} />;
      })}
    </svg>
  );
}
