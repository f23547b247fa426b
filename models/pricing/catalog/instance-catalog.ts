/**
 * GPU instance prices and the look-ups over them. One piece of code serves the bundled catalog
 * and any catalog merged with a user's price file: `createCatalog(rows)` builds the look-ups.
 */

/** One instance price as the data files and user CSVs give it (USD per instance-hour). */
export interface InstancePrice {
  provider: string;
  region: string;
  instanceType: string;
  gpu: string;
  gpuCount: number;
  onDemandPerHour: number;
  spotPerHour: number | null;
  committed1yPerHour: number | null;
  committed3yPerHour: number | null;
  /** True where committed prices are derived from a published discount range, not listed. */
  committedEstimated: boolean;
  source: string;
  asOf: string;
  notes?: string | undefined;
}

/** An instance price with the per-GPU-hour prices derived from it (the flat row of `costcast prices --json`). */
export interface CatalogRow extends InstancePrice {
  onDemandPerGpuHour: number;
  spotPerGpuHour: number | null;
  committed1yPerGpuHour: number | null;
  committed3yPerGpuHour: number | null;
}

/**
 * How a resolved price was chosen, so a caller can tell the user: `exact` (the requested
 * provider and region), `provider-cheapest` (provider given without a region: its cheapest
 * region), `region-not-offered` (the requested region lacks the GPU: the provider's cheapest
 * region instead), `default` (no provider given: see DEFAULT_PROVIDERS).
 */
export type ResolvedBy = 'exact' | 'provider-cheapest' | 'region-not-offered' | 'default';

/** Per-GPU-hour prices of one GPU type at one provider/region (USD per GPU-hour). */
export interface ResolvedGpuPrice {
  gpu: string;
  provider: string;
  region: string;
  instanceType: string;
  onDemand: number;
  /** null where the provider publishes no commitment rate. */
  committed1y: number | null;
  committed3y: number | null;
  spot: number | null;
  source: string;
  asOf: string;
  committedEstimated: boolean;
  resolvedBy: ResolvedBy;
}

export interface PriceCatalog {
  readonly rows: readonly CatalogRow[];
  /** Provider ids present in the catalog, sorted. */
  providers(): string[];
  /** GPU ids offered by at least one instance, sorted. */
  gpus(): string[];
  /** Per-GPU-hour prices of `gpu` (see `resolveGpuPrices` in docs/price-catalog.md for the choice rules). */
  resolveGpuPrices(gpu: string, opts?: { provider?: string | undefined; region?: string | undefined }): ResolvedGpuPrice | undefined;
  /** Flat rows filtered by GPU and/or provider (case-insensitive), in catalog order. */
  listCatalogRows(filter?: { gpu?: string | undefined; provider?: string | undefined }): CatalogRow[];
  /** Oldest and newest `asOf` of the instance prices (YYYY-MM-DD). */
  asOf(): { oldest: string; newest: string };
}

/**
 * Providers whose cheapest offer is the default when a scenario names no provider: the
 * hyperscalers most budgets are written against. GPUs they do not offer fall back to all providers.
 */
export const DEFAULT_PROVIDERS: readonly string[] = ['aws', 'gcp', 'azure'];

const perGpu = (instancePrice: number | null, gpuCount: number): number | null =>
  instancePrice === null ? null : instancePrice / gpuCount;

/** Adds the per-GPU-hour prices (instance price / GPU count, USD per GPU-hour) to an instance price. */
export function toCatalogRow(price: InstancePrice): CatalogRow {
  return {
    provider: price.provider,
    region: price.region,
    instanceType: price.instanceType,
    gpu: price.gpu,
    gpuCount: price.gpuCount,
    onDemandPerHour: price.onDemandPerHour,
    spotPerHour: price.spotPerHour,
    committed1yPerHour: price.committed1yPerHour,
    committed3yPerHour: price.committed3yPerHour,
    committedEstimated: price.committedEstimated,
    source: price.source,
    asOf: price.asOf,
    ...(price.notes !== undefined ? { notes: price.notes } : {}),
    onDemandPerGpuHour: price.onDemandPerHour / price.gpuCount,
    spotPerGpuHour: perGpu(price.spotPerHour, price.gpuCount),
    committed1yPerGpuHour: perGpu(price.committed1yPerHour, price.gpuCount),
    committed3yPerGpuHour: perGpu(price.committed3yPerHour, price.gpuCount),
  };
}

/** The key under which a user row overrides a catalog row (provider/region/instanceType, any case). */
export function instanceKey(row: Pick<InstancePrice, 'provider' | 'region' | 'instanceType'>): string {
  return `${row.provider.toLowerCase()}\u0000${row.region.toLowerCase()}\u0000${row.instanceType.toLowerCase()}`;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Cheapest on-demand per GPU-hour first; ties broken by name so the choice never depends on row order. */
function byPrice(a: CatalogRow, b: CatalogRow): number {
  return (
    a.onDemandPerGpuHour - b.onDemandPerGpuHour ||
    a.provider.localeCompare(b.provider) ||
    a.region.localeCompare(b.region) ||
    a.instanceType.localeCompare(b.instanceType)
  );
}

function cheapest(rows: readonly CatalogRow[]): CatalogRow | undefined {
  return [...rows].sort(byPrice)[0];
}

function resolved(row: CatalogRow, resolvedBy: ResolvedBy): ResolvedGpuPrice {
  return {
    gpu: row.gpu,
    provider: row.provider,
    region: row.region,
    instanceType: row.instanceType,
    onDemand: row.onDemandPerGpuHour,
    committed1y: row.committed1yPerGpuHour,
    committed3y: row.committed3yPerGpuHour,
    spot: row.spotPerGpuHour,
    source: row.source,
    asOf: row.asOf,
    committedEstimated: row.committedEstimated,
    resolvedBy,
  };
}

/** Builds the price look-ups over a list of instance prices (the bundled catalog or a merged one). */
export function createCatalog(prices: readonly InstancePrice[]): PriceCatalog {
  const rows: readonly CatalogRow[] = prices.map(toCatalogRow);
  const sortedUnique = (values: string[]): string[] => [...new Set(values)].sort();

  return {
    rows,
    providers: () => sortedUnique(rows.map((row) => row.provider)),
    gpus: () => sortedUnique(rows.map((row) => row.gpu)),

    resolveGpuPrices(gpu, opts = {}) {
      const offers = rows.filter((row) => same(row.gpu, gpu));
      if (opts.provider === undefined) {
        const hyperscalers = offers.filter((row) => DEFAULT_PROVIDERS.includes(row.provider.toLowerCase()));
        const choice = cheapest(hyperscalers.length > 0 ? hyperscalers : offers);
        return choice && resolved(choice, 'default');
      }
      const provider = opts.provider;
      const atProvider = offers.filter((row) => same(row.provider, provider));
      if (opts.region !== undefined) {
        const region = opts.region;
        const exact = cheapest(atProvider.filter((row) => same(row.region, region)));
        if (exact) return resolved(exact, 'exact');
        const fallback = cheapest(atProvider);
        return fallback && resolved(fallback, 'region-not-offered');
      }
      const choice = cheapest(atProvider);
      return choice && resolved(choice, 'provider-cheapest');
    },

    listCatalogRows(filter = {}) {
      return rows
        .filter((row) => filter.gpu === undefined || same(row.gpu, filter.gpu))
        .filter((row) => filter.provider === undefined || same(row.provider, filter.provider))
        .map((row) => ({ ...row }));
    },

    asOf() {
      return dateRange(rows.map((row) => row.asOf));
    },
  };
}

/** Oldest and newest of a list of YYYY-MM-DD dates (they sort as text); empty strings for an empty list. */
export function dateRange(dates: readonly string[]): { oldest: string; newest: string } {
  const sorted = [...dates].sort();
  return { oldest: sorted[0] ?? '', newest: sorted[sorted.length - 1] ?? '' };
}
