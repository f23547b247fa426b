/**
 * Data-quality flags for instance price rows: the traps open price catalogs fall into — a zero
 * or placeholder price standing in for a missing one, a spot price at or above on-demand, and a
 * GPU count that disagrees with what the instance type or the source says. The bundled catalog
 * is checked at load (a flagged row is an error); user price files can use the same checks.
 */

export type DataQualityFlag = 'zero-price' | 'placeholder-price' | 'spot-not-below-on-demand' | 'gpu-count-mismatch';

export interface DataQualityIssue {
  flag: DataQualityFlag;
  field: string;
  message: string;
}

/**
 * Per-hour values that open catalogs use as placeholders rather than prices (700.0 marks missing
 * TPU prices in the GCP snapshot the catalog reads; 9999-style values mark "call us").
 */
export const PLACEHOLDER_PRICES: readonly number[] = [1, 9999, 99999, 123.45, 1234.5, 700];

/** The fields of an instance row the checks read. */
export interface InstanceQualityInput {
  instanceType: string;
  gpuCount: number;
  onDemandPerHour: number;
  spotPerHour: number | null;
  committed1yPerHour: number | null;
  committed3yPerHour: number | null;
  notes?: string | undefined;
}

/**
 * The GPU count an instance row states outside `gpuCount`: in its type name ("8x NVIDIA H100 SXM",
 * GCP's "a3-highgpu-8g") or at the start of its notes ("8x H100 80GB", "8 GPUs per instance").
 */
export function statedGpuCount(row: Pick<InstanceQualityInput, 'instanceType' | 'notes'>): number | undefined {
  const fromName = /^(\d+)x /i.exec(row.instanceType) ?? /-(\d+)g$/.exec(row.instanceType);
  if (fromName) return Number(fromName[1]);
  const fromNotes = /^(\d+)x /i.exec(row.notes ?? '') ?? /^(\d+) GPUs\b/.exec(row.notes ?? '');
  return fromNotes ? Number(fromNotes[1]) : undefined;
}

/** A per-GPU-hour price the notes quote first ("$3.99/GPU-h"), for sources that price per GPU. */
export function quotedPerGpuHour(notes: string | undefined): number | undefined {
  const match = /^\$(\d+(?:\.\d+)?)\/GPU-h\b/.exec(notes ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Every data-quality problem of one instance row (empty when it is clean). */
export function instanceQualityIssues(row: InstanceQualityInput): DataQualityIssue[] {
  const issues: DataQualityIssue[] = [];
  const prices: [string, number | null][] = [
    ['onDemandPerHour', row.onDemandPerHour],
    ['spotPerHour', row.spotPerHour],
    ['committed1yPerHour', row.committed1yPerHour],
    ['committed3yPerHour', row.committed3yPerHour],
  ];
  for (const [field, price] of prices) {
    if (price === null) continue;
    if (price <= 0) issues.push({ flag: 'zero-price', field, message: `${price} is not a price: use null where none is offered` });
    else if (PLACEHOLDER_PRICES.includes(price)) issues.push({ flag: 'placeholder-price', field, message: `${price} is a placeholder value, not a price` });
  }
  if (row.spotPerHour !== null && row.spotPerHour >= row.onDemandPerHour) {
    issues.push({ flag: 'spot-not-below-on-demand', field: 'spotPerHour', message: `must be below onDemandPerHour (${row.onDemandPerHour})` });
  }
  const stated = statedGpuCount(row);
  if (stated !== undefined && stated !== row.gpuCount) {
    issues.push({ flag: 'gpu-count-mismatch', field: 'gpuCount', message: `is ${row.gpuCount}, but the instance type or notes say ${stated} GPUs` });
  }
  const perGpu = quotedPerGpuHour(row.notes);
  if (perGpu !== undefined && Math.abs(row.onDemandPerHour / row.gpuCount - perGpu) > 0.005) {
    issues.push({
      flag: 'gpu-count-mismatch',
      field: 'gpuCount',
      message: `onDemandPerHour / gpuCount = ${(row.onDemandPerHour / row.gpuCount).toFixed(4)}, but the source quotes $${perGpu}/GPU-h`,
    });
  }
  return issues;
}
