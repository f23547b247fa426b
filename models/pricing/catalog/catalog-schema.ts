/**
 * Schemas of the bundled reference files (gpus, llm-models, instances, regions, storage).
 * The JSON files are data: every one is `unknown` until these schemas accept it, and a broken
 * file fails loudly with the file, the row and the field, never with a silent NaN later on.
 */
import { z } from '../../scenario/schema-library.ts';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isoDate = z.string().refine(isIsoDate, 'a calendar date as YYYY-MM-DD, e.g. 2026-09-20');
const sourceText = z.string().trim().min(1, 'name the source (URL or citation)');
const notes = z.string().optional();
const positivePrice = z.number().finite().positive('a price above 0');
/** Lower-case provider ids keep look-ups and CSV overrides unambiguous. */
export const providerIdPattern = /^[a-z][a-z0-9-]*$/;
const providerId = z.string().regex(providerIdPattern, 'a lower-case provider id, e.g. aws');

export const gpuSpecSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9][A-Za-z0-9-]*$/, 'an id such as H100 or A100-80GB'),
  name: z.string().min(1),
  peakBf16DenseTflops: z.number().finite().positive(),
  memoryGb: z.number().finite().positive(),
  memoryBandwidthTBps: z.number().finite().positive(),
  tdpWatts: z.number().finite().positive(),
  source: sourceText,
  asOf: isoDate,
  notes,
});

const longContextSchema = z.strictObject({
  thresholdTokens: z.number().int().positive(),
  input: positivePrice,
  cachedInput: positivePrice.optional(),
  output: positivePrice,
});

export const llmModelSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'a lower-case model id, e.g. gpt-4o'),
    provider: providerId,
    name: z.string().min(1),
    input: positivePrice,
    cachedInput: positivePrice.optional(),
    output: positivePrice,
    batchDiscount: z.number().gt(0).lt(1).optional(),
    longContext: longContextSchema.optional(),
    source: sourceText,
    asOf: isoDate,
    notes,
  })
  .superRefine((model, ctx) => {
    if (model.cachedInput !== undefined && model.cachedInput > model.input) {
      ctx.addIssue({ code: 'custom', path: ['cachedInput'], message: 'must not exceed input' });
    }
    const long = model.longContext;
    if (long && (long.input < model.input || long.output < model.output)) {
      ctx.addIssue({ code: 'custom', path: ['longContext'], message: 'long-context prices must not be below the base prices' });
    }
  });

/** Cross-field rules every instance price obeys, in the bundled files and in user CSVs alike. */
export function instancePriceOrderIssues(row: {
  onDemandPerHour: number;
  spotPerHour: number | null;
  committed1yPerHour: number | null;
  committed3yPerHour: number | null;
}): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (row.spotPerHour !== null && row.spotPerHour >= row.onDemandPerHour) {
    issues.push({ field: 'spotPerHour', message: `must be below onDemandPerHour (${row.onDemandPerHour})` });
  }
  if (row.committed1yPerHour !== null && row.committed1yPerHour >= row.onDemandPerHour) {
    issues.push({ field: 'committed1yPerHour', message: `must be below onDemandPerHour (${row.onDemandPerHour})` });
  }
  if (row.committed3yPerHour !== null) {
    const ceiling = row.committed1yPerHour ?? row.onDemandPerHour;
    if (row.committed3yPerHour > ceiling) {
      const name = row.committed1yPerHour === null ? 'onDemandPerHour' : 'committed1yPerHour';
      issues.push({ field: 'committed3yPerHour', message: `must not exceed ${name} (${ceiling})` });
    }
  }
  return issues;
}

export const instancePriceSchema = z
  .strictObject({
    provider: providerId,
    region: z.string().trim().min(1),
    instanceType: z.string().trim().min(1),
    gpu: z.string().trim().min(1),
    gpuCount: z.number().int().positive(),
    onDemandPerHour: positivePrice,
    spotPerHour: positivePrice.nullable(),
    committed1yPerHour: positivePrice.nullable(),
    committed3yPerHour: positivePrice.nullable(),
    committedEstimated: z.boolean(),
    source: sourceText,
    asOf: isoDate,
    notes,
  })
  .superRefine((row, ctx) => {
    for (const issue of instancePriceOrderIssues(row)) {
      ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
    }
    if (row.committedEstimated && row.committed1yPerHour === null && row.committed3yPerHour === null) {
      ctx.addIssue({ code: 'custom', path: ['committedEstimated'], message: 'true but there is no committed price' });
    }
    if (row.committedEstimated && !row.notes) {
      ctx.addIssue({ code: 'custom', path: ['notes'], message: 'estimated committed prices must say in notes which discount was used' });
    }
  });

export const regionSchema = z
  .strictObject({
    provider: providerId,
    region: z.string().trim().min(1),
    location: z.string().min(1),
    gridGCo2ePerKwh: z.number().finite().positive(),
    cfeAdjustedGCo2ePerKwh: z.number().finite().positive().optional(),
    pue: z.number().finite().min(1),
    estimated: z.boolean(),
    source: sourceText,
    asOf: isoDate,
    notes,
  })
  .superRefine((row, ctx) => {
    if (row.estimated && !row.notes) {
      ctx.addIssue({ code: 'custom', path: ['notes'], message: 'estimated regions must document the fallback in notes' });
    }
  });

export const storagePriceSchema = z
  .strictObject({
    provider: providerId,
    storageClass: z.string().min(1),
    product: z.string().min(1),
    perGbMonth: positivePrice.nullable(),
    egressPerGb: z.number().finite().nonnegative(),
    estimated: z.boolean(),
    source: sourceText,
    asOf: isoDate,
    notes,
  })
  .superRefine((row, ctx) => {
    if ((row.egressPerGb === 0 || row.perGbMonth === null) && !row.notes) {
      ctx.addIssue({ code: 'custom', path: ['notes'], message: 'free egress or a missing storage price must be explained in notes' });
    }
  });

export type GpuSpecRecord = z.output<typeof gpuSpecSchema>;
export type LlmModelRecord = z.output<typeof llmModelSchema>;
export type InstancePriceRecord = z.output<typeof instancePriceSchema>;
export type RegionRecord = z.output<typeof regionSchema>;
export type StoragePriceRecord = z.output<typeof storagePriceSchema>;

/** Thrown when a bundled catalog file does not match its schema; the message lists every problem. */
export class CatalogDataError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`The bundled price catalog is broken:\n  ${problems.join('\n  ')}`);
    this.name = 'CatalogDataError';
    this.problems = problems;
  }
}

/** Words that identify a raw row in an error message (its id, or provider/region/instance). */
function describeRow(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return '';
  const record = raw as Record<string, unknown>;
  const parts = ['id', 'provider', 'region', 'instanceType', 'storageClass']
    .map((key) => record[key])
    .filter((value): value is string => typeof value === 'string');
  return parts.length > 0 ? ` (${parts.join(' ')})` : '';
}

/**
 * Validates one catalog file of the form `{ about?: string, rows: [...] }` and returns its rows,
 * or the list of problems as "file: row N (label), field F: why" (rows counted from 1).
 */
export function parseCatalogFile<Schema extends z.ZodType>(
  fileName: string,
  raw: unknown,
  rowSchema: Schema,
): { rows: z.output<Schema>[] } | { problems: string[] } {
  const fileSchema = z.strictObject({ about: z.string().optional(), rows: z.array(rowSchema) });
  const parsed = fileSchema.safeParse(raw);
  if (parsed.success) return { rows: parsed.data.rows };
  const rawRows =
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { rows?: unknown }).rows)
      ? ((raw as { rows: unknown[] }).rows)
      : [];
  const problems = parsed.error.issues.map((issue) => {
    const [top, index, ...fieldPath] = issue.path;
    if (top === 'rows' && typeof index === 'number') {
      const field = fieldPath.length > 0 ? `field "${fieldPath.map(String).join('.')}"` : 'the row';
      return `${fileName}: row ${index + 1}${describeRow(rawRows[index])}, ${field}: ${issue.message}`;
    }
    const where = issue.path.length > 0 ? `"${issue.path.map(String).join('.')}"` : 'the file';
    return `${fileName}: ${where}: ${issue.message}`;
  });
  return { problems };
}
