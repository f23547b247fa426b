/**
 * What the engine needs from the bundled catalog, as one small interface: the simulation
 * compiles against it, so a user's price file (or a test's own table) can stand in for it.
 */
import type { GpuPrice } from './plan-types.ts';

export interface GpuFacts {
  /** Peak dense BF16 throughput, TFLOP/s. */
  peakTflops: number;
  /** Board power, watts. */
  watts: number;
}

export interface LlmPriceFacts {
  /** USD per 1M tokens. */
  input: number;
  cachedInput: number;
  output: number;
  /** Share off for batch requests (0 when the provider has no batch API). */
  batchDiscount: number;
  /** Prices of every token of a request whose prompt exceeds `thresholdTokens`, where the model has such a tier. */
  longContext: LongContextPrice | null;
}

/** A long-context tier: USD per 1M tokens once a request's input passes the threshold. */
export interface LongContextPrice {
  thresholdTokens: number;
  input: number;
  cachedInput: number;
  output: number;
}

export interface StoragePriceFacts {
  perTbMonth: number;
  egressPerTb: number;
}

export interface RegionFacts {
  /** Grid carbon intensity, kg CO2e per kWh. */
  kgPerKwh: number;
  pue: number;
}

export interface ReferenceData {
  gpu(id: string): GpuFacts | undefined;
  gpuIds(): string[];
  llmModel(id: string): LlmPriceFacts | undefined;
  llmModelIds(): string[];
  /** Per-GPU-hour prices of a GPU type at a provider/region (or the documented default). */
  gpuPrice(gpu: string, provider?: string, region?: string): (GpuPrice & { provider: string; region: string }) | undefined;
  storagePrice(provider?: string): StoragePriceFacts | undefined;
  region(provider: string, region: string): RegionFacts | undefined;
  /** Providers (with a region each) that offer a GPU type, for cloud-vs-cloud. */
  offers(gpu: string, provider: string): { region: string; price: GpuPrice } | undefined;
  providers(): string[];
  asOf(): string;
}
