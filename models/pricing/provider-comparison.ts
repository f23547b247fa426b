/**
 * Cloud vs cloud: the scenario's simulated GPU-hour demand priced at each provider's list
 * prices, with its energy and emissions in that provider's region. Every provider sees the same
 * trials, so the ranking is the effect of the prices, not of sampling noise.
 *
 * Rules: on-demand for steady demand; spot-eligible demand on that provider's spot price (with
 * the scenario's interruption overhead and availability) when the plan uses spot and the
 * provider sells spot for the GPU, else on-demand. No commitments anywhere: committed rates are
 * a separate decision (the strategies and the optimizer), and list prices compare like with like.
 * A GPU type the provider does not offer keeps the scenario's own price and region and is named
 * in `missingGpus`. Non-GPU spend is added unchanged.
 */
import { addInto } from '../simulate/collect.ts';
import type { ReferenceData } from '../simulate/reference-data.ts';
import type { ProviderResult } from '../simulate/result.ts';
import { meanAndSd, summarize } from '../simulate/stats.ts';

/** One GPU type's simulated demand, reduced to what list prices need (per-trial horizon values). */
export interface PricedDemand {
  gpu: string;
  /** GPU-hours per trial over the horizon. */
  hours: Float64Array;
  /**
   * With spot in the plan: per-trial GPU-hours paid at the on-demand price and at the spot
   * price (overhead included), so cost = onDemand·onDemandHours + spot·spotHours (gpuMonthCost is
   * linear in the two prices when nothing is committed). Null: everything pays on-demand.
   */
  spotExposure: { onDemandHours: Float64Array; spotHours: Float64Array } | null;
  /** The scenario's own per-trial horizon cost of this GPU type without commitments. */
  ownCost: Float64Array;
}

export interface ComparisonInput {
  demands: readonly PricedDemand[];
  /** Per-trial non-GPU spend over the horizon (money), the same at every provider. */
  direct: Float64Array;
  providers: readonly string[];
  reference: ReferenceData;
  /** The scenario's provider and region (kept when that provider is compared) and carbon factors (for GPU types a provider lacks). */
  own: { provider?: string | undefined; region?: string | undefined; carbon: { kgPerKwh: number; pue: number } | null };
}

interface Offer {
  region: string;
  onDemand: number;
  spot: number | null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Providers to compare: `compare` when given, else every catalog provider offering at least one of the GPU types. */
export function providersToCompare(compare: readonly string[] | undefined, gpus: readonly string[], reference: ReferenceData): string[] {
  if (compare) return [...new Set(compare)];
  return reference.providers().filter((provider) => gpus.some((gpu) => reference.offers(gpu, provider)));
}

function offerAt(input: ComparisonInput, gpu: string, provider: string): Offer | undefined {
  const { reference, own } = input;
  if (own.provider && own.region && same(provider, own.provider)) {
    const price = reference.gpuPrice(gpu, provider, own.region);
    if (price && same(price.provider, provider)) return { region: price.region, onDemand: price.onDemand, spot: price.spot };
  }
  const offer = reference.offers(gpu, provider);
  return offer && { region: offer.region, onDemand: offer.price.onDemand, spot: offer.price.spot };
}

/**
 * Adds one GPU type's demand priced at an offer to each trial's total: on-demand, or with the
 * plan's spot exposure at the offer's spot price where it sells spot. (A function of its own:
 * it runs once per provider and GPU type, and stays compiled from one call to the next.)
 */
function addListPriceCost(total: Float64Array, d: PricedDemand, offer: Offer): void {
  const exposure = offer.spot !== null ? d.spotExposure : null;
  if (exposure) {
    const spot = offer.spot!;
    for (let t = 0; t < total.length; t++) total[t] = total[t]! + (offer.onDemand * exposure.onDemandHours[t]! + spot * exposure.spotHours[t]!);
    return;
  }
  for (let t = 0; t < total.length; t++) total[t] = total[t]! + offer.onDemand * d.hours[t]!;
}

/**
 * Each provider's horizon total (Stats over trials, money), list price per GPU-hour, missing GPU
 * types, and energy (MWh: mean GPU-hours × GPU kW × region PUE) and CO2e (tonnes: × grid
 * intensity); ranked by P50 ascending. Unknown providers and providers offering none of the GPU
 * types are left out and named in `notes`.
 */
export function compareProviders(input: ComparisonInput): { providers: ProviderResult[]; notes: string[] } {
  const { demands, direct, reference, own } = input;
  const notes: string[] = [];
  const known = reference.providers();
  const meanHours = new Map(demands.map((d) => [d.gpu, meanAndSd(d.hours).mean]));
  const results: ProviderResult[] = [];
  for (const asked of input.providers) {
    const provider = known.find((p) => same(p, asked));
    if (!provider) {
      notes.push(`provider "${asked}" is not in the price catalog (known: ${known.join(', ')}); left out of the comparison`);
      continue;
    }
    const offers = new Map<string, Offer>();
    for (const d of demands) {
      const offer = offerAt(input, d.gpu, provider);
      if (offer) offers.set(d.gpu, offer);
    }
    if (offers.size === 0) {
      notes.push(`${provider} offers none of ${demands.map((d) => d.gpu).join(', ')}; left out of the comparison`);
      continue;
    }
    const total = Float64Array.from(direct);
    const pricePerGpuHour: Record<string, number> = {};
    const missingGpus: string[] = [];
    const regions: string[] = [];
    let kwh = 0;
    let co2eKg = 0;
    let carbonUnknown = false;
    for (const d of demands) {
      const offer = offers.get(d.gpu);
      const watts = reference.gpu(d.gpu)?.watts ?? 0;
      let facts: { kgPerKwh: number; pue: number } | null | undefined = own.carbon;
      if (offer) {
        pricePerGpuHour[d.gpu] = offer.onDemand;
        if (!regions.includes(offer.region)) regions.push(offer.region);
        facts = reference.region(provider, offer.region);
        addListPriceCost(total, d, offer);
      } else {
        missingGpus.push(d.gpu);
        addInto(total, d.ownCost, total.length);
      }
      const itKwh = meanHours.get(d.gpu)! * (watts / 1000);
      if (facts) {
        kwh += itKwh * facts.pue;
        co2eKg += itKwh * facts.pue * facts.kgPerKwh;
      } else {
        kwh += itKwh;
        carbonUnknown = true;
      }
    }
    if (carbonUnknown) notes.push(`${provider}: no grid intensity or PUE for some regions; their energy counts the GPUs alone and their CO2e is left out`);
    results.push({
      provider,
      region: regions.join(', '),
      total: summarize(total),
      co2eTonnes: co2eKg / 1000,
      pricePerGpuHour,
      energyMWh: kwh / 1000,
      missingGpus,
    });
  }
  results.sort((a, b) => a.total.p50 - b.total.p50 || a.provider.localeCompare(b.provider));
  return { providers: results, notes };
}
