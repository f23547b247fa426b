/**
 * The engine's view of the price catalog (ReferenceData), built from the bundled catalog or
 * from one merged with a user's price file (user-prices.ts). It loads no schema library, so a
 * worker thread gets the same reference as the main thread without one.
 */
import type { ReferenceData } from '../simulate/reference-data.ts';
import {
  bundledCatalog,
  catalogAsOf,
  getGpuSpec,
  getLlmModel,
  getRegion,
  getStoragePrice,
  gpuSpecs,
  llmModels,
  type PriceCatalog,
} from './catalog/bundled-catalog.ts';

/** ReferenceData over a price catalog (the bundled one by default). */
export function createReferenceData(catalog: PriceCatalog = bundledCatalog): ReferenceData {
  return {
    gpu(id) {
      const spec = getGpuSpec(id);
      return spec ? { peakTflops: spec.peakBf16DenseTflops, watts: spec.tdpWatts } : undefined;
    },
    gpuIds: () => gpuSpecs.map((g) => g.id),
    llmModel(id) {
      const model = getLlmModel(id);
      return model ? { input: model.input, cachedInput: model.cachedInput, output: model.output, batchDiscount: model.batchDiscount ?? 0, longContext: model.longContext } : undefined;
    },
    llmModelIds: () => llmModels.map((m) => m.id),
    gpuPrice(gpu, provider, region) {
      const price = catalog.resolveGpuPrices(gpu, { provider, region });
      if (!price) return undefined;
      return {
        onDemand: price.onDemand,
        committed1y: price.committed1y,
        committed3y: price.committed3y,
        spot: price.spot,
        source: `${price.provider} ${price.region} ${price.instanceType}: ${price.source} (as of ${price.asOf})`,
        provider: price.provider,
        region: price.region,
      };
    },
    storagePrice(provider) {
      const row = getStoragePrice(provider ?? 'aws');
      return row && row.perTbMonth !== null ? { perTbMonth: row.perTbMonth, egressPerTb: row.egressPerTb } : undefined;
    },
    region(provider, region) {
      const row = getRegion(provider, region);
      return row ? { kgPerKwh: row.gridGCo2ePerKwh / 1000, pue: row.pue } : undefined;
    },
    offers(gpu, provider) {
      const price = catalog.resolveGpuPrices(gpu, { provider });
      if (!price || price.provider.toLowerCase() !== provider.toLowerCase()) return undefined;
      return {
        region: price.region,
        price: { onDemand: price.onDemand, committed1y: price.committed1y, committed3y: price.committed3y, spot: price.spot, source: price.source },
      };
    },
    providers: () => catalog.providers(),
    asOf: () => catalogAsOf().newest,
  };
}

/** The bundled catalog as ReferenceData. */
export const bundledReference: ReferenceData = createReferenceData();
