/**
 * The bundled reference data and price catalog: GPU specs, LLM API prices, GPU instance prices,
 * region carbon factors and storage prices, loaded from the JSON files beside this module and
 * validated at load. A broken data file throws here, naming the file, the row and the field.
 */
import gpusData from './gpus.json';
import llmModelsData from './llm-models.json';
import instancesData from './instances.json';
import regionsData from './regions.json';
import storageData from './storage.json';
import {
  CatalogDataError,
  gpuSpecSchema,
  instancePriceSchema,
  llmModelSchema,
  parseCatalogFile,
  regionSchema,
  storagePriceSchema,
  type GpuSpecRecord,
  type InstancePriceRecord,
  type LlmModelRecord,
  type RegionRecord,
  type StoragePriceRecord,
} from './catalog-schema.ts';
import { instanceQualityIssues } from './data-quality.ts';
import { createCatalog, dateRange, instanceKey, type CatalogRow, type InstancePrice, type PriceCatalog, type ResolvedGpuPrice } from './instance-catalog.ts';

export type { CatalogRow, InstancePrice, PriceCatalog, ResolvedGpuPrice } from './instance-catalog.ts';
export { createCatalog, DEFAULT_PROVIDERS } from './instance-catalog.ts';
export { CatalogDataError } from './catalog-schema.ts';

/** GPU specification; peak throughput in TFLOP/s, memory in GB, bandwidth in TB/s, power in W. */
export type GpuSpec = GpuSpecRecord;

/** LLM API prices in USD per 1M tokens. */
export interface LlmModel {
  id: string;
  provider: string;
  name: string;
  input: number;
  /** Cache-read price; equals `input` where the sources list none (see `cachedInputListed`). */
  cachedInput: number;
  cachedInputListed: boolean;
  output: number;
  /** Share off input and output for batch requests; null where the cited sources state none. */
  batchDiscount: number | null;
  /** Prices for every token of a request whose prompt exceeds `thresholdTokens`. */
  longContext: { thresholdTokens: number; input: number; cachedInput: number; output: number } | null;
  source: string;
  asOf: string;
  notes?: string | undefined;
}

/** Grid carbon intensity (g CO2e/kWh) and PUE of a provider region. */
export type CatalogRegion = RegionRecord;

/** Standard-class object storage and internet egress of a provider, per GB and per TB (1 TB = 1,000 GB). */
export interface StoragePrice extends StoragePriceRecord {
  /** USD per TB-month; null where no storage price was found. */
  perTbMonth: number | null;
  /** USD per TB transferred out to the internet. */
  egressPerTb: number;
}

export interface CatalogData {
  gpus: GpuSpec[];
  llmModels: LlmModel[];
  instances: InstancePrice[];
  regions: CatalogRegion[];
  storage: StoragePrice[];
}

/** The raw contents of the five data files, each `unknown` until validated. */
export interface RawCatalogFiles {
  gpus: unknown;
  llmModels: unknown;
  instances: unknown;
  regions: unknown;
  storage: unknown;
}

const GB_PER_TB = 1000;

function toLlmModel(record: LlmModelRecord): LlmModel {
  const long = record.longContext;
  return {
    id: record.id,
    provider: record.provider,
    name: record.name,
    input: record.input,
    cachedInput: record.cachedInput ?? record.input,
    cachedInputListed: record.cachedInput !== undefined,
    output: record.output,
    batchDiscount: record.batchDiscount ?? null,
    longContext: long
      ? { thresholdTokens: long.thresholdTokens, input: long.input, cachedInput: long.cachedInput ?? long.input, output: long.output }
      : null,
    source: record.source,
    asOf: record.asOf,
    ...(record.notes !== undefined ? { notes: record.notes } : {}),
  };
}

function toStoragePrice(record: StoragePriceRecord): StoragePrice {
  return {
    ...record,
    perTbMonth: record.perGbMonth === null ? null : record.perGbMonth * GB_PER_TB,
    egressPerTb: record.egressPerGb * GB_PER_TB,
  };
}

/** Problems for rows whose `key` repeats an earlier row in the same file. */
function duplicateProblems<T>(fileName: string, rows: readonly T[], key: (row: T) => string, label: (row: T) => string): string[] {
  const firstRow = new Map<string, number>();
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const seen = firstRow.get(key(row));
    if (seen === undefined) firstRow.set(key(row), index);
    else problems.push(`${fileName}: row ${index + 1} (${label(row)}) repeats row ${seen + 1}`);
  });
  return problems;
}

const instanceLabel = (row: InstancePriceRecord): string => `${row.provider} ${row.region} ${row.instanceType}`;

/**
 * Checks beyond each row's schema: every instance's GPU and region are known, no row is listed
 * twice, and no instance carries a data-quality flag (placeholder price, GPU-count mismatch).
 */
function crossFileProblems(data: { gpus: GpuSpecRecord[]; llmModels: LlmModelRecord[]; instances: InstancePriceRecord[]; regions: RegionRecord[]; storage: StoragePriceRecord[] }): string[] {
  const gpuIds = new Set(data.gpus.map((gpu) => gpu.id));
  const regionKeys = new Set(data.regions.map((region) => `${region.provider}/${region.region}`));
  const problems = [
    ...duplicateProblems('gpus.json', data.gpus, (gpu) => gpu.id, (gpu) => gpu.id),
    ...duplicateProblems('llm-models.json', data.llmModels, (model) => model.id, (model) => model.id),
    ...duplicateProblems('instances.json', data.instances, instanceKey, instanceLabel),
    ...duplicateProblems('regions.json', data.regions, (r) => `${r.provider}/${r.region}`, (r) => `${r.provider} ${r.region}`),
    ...duplicateProblems('storage.json', data.storage, (s) => `${s.provider}/${s.storageClass}`, (s) => `${s.provider} ${s.storageClass}`),
  ];
  data.instances.forEach((row, index) => {
    const where = `instances.json: row ${index + 1} (${instanceLabel(row)})`;
    if (!gpuIds.has(row.gpu)) {
      problems.push(`${where}, field "gpu": unknown GPU "${row.gpu}"; gpus.json has ${[...gpuIds].join(', ')}`);
    }
    if (!regionKeys.has(`${row.provider}/${row.region}`)) {
      problems.push(`${where}, field "region": ${row.provider}/${row.region} is missing from regions.json`);
    }
    for (const issue of instanceQualityIssues(row)) problems.push(`${where}, field "${issue.field}": ${issue.message} (${issue.flag})`);
  });
  return problems;
}

/** Validates the raw data files and builds the typed catalog data; throws CatalogDataError listing every problem. */
export function validateCatalogData(raw: RawCatalogFiles): CatalogData {
  const gpus = parseCatalogFile('gpus.json', raw.gpus, gpuSpecSchema);
  const llmModels = parseCatalogFile('llm-models.json', raw.llmModels, llmModelSchema);
  const instances = parseCatalogFile('instances.json', raw.instances, instancePriceSchema);
  const regions = parseCatalogFile('regions.json', raw.regions, regionSchema);
  const storage = parseCatalogFile('storage.json', raw.storage, storagePriceSchema);
  if (!('rows' in gpus) || !('rows' in llmModels) || !('rows' in instances) || !('rows' in regions) || !('rows' in storage)) {
    const problems = [gpus, llmModels, instances, regions, storage].flatMap((file) => ('problems' in file ? file.problems : []));
    throw new CatalogDataError(problems);
  }
  const records = { gpus: gpus.rows, llmModels: llmModels.rows, instances: instances.rows, regions: regions.rows, storage: storage.rows };
  const problems = crossFileProblems(records);
  if (problems.length > 0) throw new CatalogDataError(problems);
  return {
    gpus: records.gpus,
    llmModels: records.llmModels.map(toLlmModel),
    instances: records.instances,
    regions: records.regions,
    storage: records.storage.map(toStoragePrice),
  };
}

const bundled = validateCatalogData({
  gpus: gpusData,
  llmModels: llmModelsData,
  instances: instancesData,
  regions: regionsData,
  storage: storageData,
});

/** The bundled instance prices with their look-ups; user price files build their own with createCatalog. */
export const bundledCatalog: PriceCatalog = createCatalog(bundled.instances);

export const gpuSpecs: readonly GpuSpec[] = bundled.gpus;
export const llmModels: readonly LlmModel[] = bundled.llmModels;
export const instances: readonly CatalogRow[] = bundledCatalog.rows;
export const regions: readonly CatalogRegion[] = bundled.regions;
export const storagePrices: readonly StoragePrice[] = bundled.storage;

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** GPU spec by id (case-insensitive, e.g. "h100"); undefined for an unknown GPU. */
export function getGpuSpec(id: string): GpuSpec | undefined {
  return gpuSpecs.find((gpu) => same(gpu.id, id));
}

/** LLM API prices (USD per 1M tokens) by model id (case-insensitive); undefined for an unknown model. */
export function getLlmModel(id: string): LlmModel | undefined {
  return llmModels.find((model) => same(model.id, id));
}

/** Grid carbon intensity (g CO2e/kWh) and PUE of a provider region; undefined when not in the catalog. */
export function getRegion(provider: string, region: string): CatalogRegion | undefined {
  return regions.find((row) => same(row.provider, provider) && same(row.region, region));
}

/** Standard-class storage (USD per GB-/TB-month) and egress (USD per GB/TB) of a provider. */
export function getStoragePrice(provider: string): StoragePrice | undefined {
  return storagePrices.find((row) => same(row.provider, provider) && row.storageClass === 'standard');
}

/** Provider ids with GPU instance prices in the bundled catalog, sorted. */
export function providers(): string[] {
  return bundledCatalog.providers();
}

/** Per-GPU-hour prices (USD) of a GPU type in the bundled catalog; see PriceCatalog.resolveGpuPrices. */
export function resolveGpuPrices(gpu: string, opts: { provider?: string | undefined; region?: string | undefined } = {}): ResolvedGpuPrice | undefined {
  return bundledCatalog.resolveGpuPrices(gpu, opts);
}

/** Flat bundled instance rows (USD per hour and per GPU-hour) for `costcast prices --json`. */
export function listCatalogRows(filter: { gpu?: string | undefined; provider?: string | undefined } = {}): CatalogRow[] {
  return bundledCatalog.listCatalogRows(filter);
}

/**
 * Oldest and newest as-of date (YYYY-MM-DD) over the prices: instances, LLM models and storage.
 * GPU specs and region carbon factors are left out: they do not go stale the way prices do.
 */
export function catalogAsOf(): { oldest: string; newest: string } {
  return dateRange([...instances, ...llmModels, ...storagePrices].map((row) => row.asOf));
}
