/**
 * The bundled reference data and price catalog: GPU specs, LLM API prices, GPU instance prices,
 * region carbon factors and storage prices from the JSON files beside this module, with their
 * look-ups. It loads no schema library (the files' schemas and checks are catalog.ts), so a worker
 * thread that prices GPUs starts without one.
 */
import gpusData from './gpus.json';
import llmModelsData from './llm-models.json';
import instancesData from './instances.json';
import regionsData from './regions.json';
import storageData from './storage.json';
import type { GpuSpecRecord, InstancePriceRecord, LlmModelRecord, RegionRecord, StoragePriceRecord } from './catalog-schema.ts';
import { createCatalog, dateRange, type CatalogRow, type InstancePrice, type PriceCatalog, type ResolvedGpuPrice } from './instance-catalog.ts';

export type { CatalogRow, InstancePrice, PriceCatalog, ResolvedGpuPrice } from './instance-catalog.ts';
export { createCatalog, DEFAULT_PROVIDERS } from './instance-catalog.ts';

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

/** Every data file's rows, typed (validated: catalog.ts). */
export interface CatalogRecords {
  gpus: GpuSpecRecord[];
  llmModels: LlmModelRecord[];
  instances: InstancePriceRecord[];
  regions: RegionRecord[];
  storage: StoragePriceRecord[];
}

/** The catalog data of valid records: LLM prices and storage prices with their derived fields. */
export function catalogDataOf(records: CatalogRecords): CatalogData {
  return {
    gpus: records.gpus,
    llmModels: records.llmModels.map(toLlmModel),
    instances: records.instances,
    regions: records.regions,
    storage: records.storage.map(toStoragePrice),
  };
}

/**
 * The data files' rows as the catalog's records. The casts are checked where it matters: the
 * catalog tests run every file through its schema (validateCatalogData) and require exactly
 * these records back, so a file that does not match its schema fails the tests, never a user's run.
 */
export const bundledCatalogData: CatalogData = catalogDataOf({
  gpus: gpusData.rows as GpuSpecRecord[],
  llmModels: llmModelsData.rows as LlmModelRecord[],
  instances: instancesData.rows as InstancePriceRecord[],
  regions: regionsData.rows as RegionRecord[],
  storage: storageData.rows as StoragePriceRecord[],
});

/** The bundled instance prices with their look-ups; user price files build their own with createCatalog. */
export const bundledCatalog: PriceCatalog = createCatalog(bundledCatalogData.instances);

export const gpuSpecs: readonly GpuSpec[] = bundledCatalogData.gpus;
export const llmModels: readonly LlmModel[] = bundledCatalogData.llmModels;
export const instances: readonly CatalogRow[] = bundledCatalog.rows;
export const regions: readonly CatalogRegion[] = bundledCatalogData.regions;
export const storagePrices: readonly StoragePrice[] = bundledCatalogData.storage;

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
