/**
 * The scenario edits the Pricing view makes, as pure functions over the document JSON: the
 * commitments, spot workloads, provider/region and providers compared. Each returns a new
 * document (the caller records it as one undo step); the engine decides whether it is valid.
 */
import type { ScenarioDocument } from '../../document/document-text.ts';
import { isJsonObject } from '../../../models/scenario/json-pointer.ts';

type Json = Record<string, unknown>;
export type Term = '1y' | '3y';

export interface CommitmentJson {
  gpu: string;
  term: Term;
  gpuHoursPerMonth: number;
  startMonth?: number;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A copy of the document and its `pricing` object (created when missing). */
function withPricing(document: ScenarioDocument, change: (pricing: Json) => void): ScenarioDocument {
  const next = clone(document);
  const pricing = isJsonObject(next.pricing) ? next.pricing : {};
  change(pricing);
  next.pricing = pricing;
  return next;
}

/** The document's commitments as written (entries that are not objects are kept as they are). */
export function commitmentsOf(document: ScenarioDocument): unknown[] {
  const pricing = document.pricing;
  return isJsonObject(pricing) && Array.isArray(pricing.commitments) ? pricing.commitments : [];
}

function setCommitments(pricing: Json, commitments: unknown[]): void {
  if (commitments.length) pricing.commitments = commitments;
  else delete pricing.commitments;
}

/** Committed GPU-hours are bought whole: the recommended level rounded to a whole GPU-hour. */
export function wholeHours(level: number): number {
  return Math.max(0, Math.round(level));
}

/**
 * Replaces every commitment of `gpu` and `term` with one at `level` GPU-hours per month from
 * the first month (none when the level rounds to 0): what "use the recommended level" does.
 */
export function applyCommitmentLevel(document: ScenarioDocument, gpu: string, term: Term, level: number): ScenarioDocument {
  return withPricing(document, (pricing) => {
    const others = commitmentsOf(document).filter((c) => !(isJsonObject(c) && c.gpu === gpu && c.term === term));
    const hours = wholeHours(level);
    setCommitments(pricing, hours > 0 ? [...others, { gpu, term, gpuHoursPerMonth: hours }] : others);
  });
}

/** Appends a commitment. */
export function addCommitment(document: ScenarioDocument, commitment: CommitmentJson): ScenarioDocument {
  return withPricing(document, (pricing) => setCommitments(pricing, [...commitmentsOf(document), { ...commitment }]));
}

/** Removes the commitment at `index`; `pricing.commitments` goes when it is the last. */
export function removeCommitment(document: ScenarioDocument, index: number): ScenarioDocument {
  return withPricing(document, (pricing) => setCommitments(pricing, commitmentsOf(document).filter((_, i) => i !== index)));
}

/** The ids of the workloads that may run on spot. */
export function spotWorkloadsOf(document: ScenarioDocument): string[] {
  const pricing = document.pricing;
  const spot = isJsonObject(pricing) ? pricing.spot : undefined;
  return isJsonObject(spot) && Array.isArray(spot.workloads) ? spot.workloads.filter((id): id is string => typeof id === 'string') : [];
}

/** Lets a workload run on spot, or stops it; the spot settings (overhead, availability) stay. */
export function setSpotWorkload(document: ScenarioDocument, workloadId: string, onSpot: boolean): ScenarioDocument {
  return withPricing(document, (pricing) => {
    const spot = isJsonObject(pricing.spot) ? pricing.spot : {};
    const current = spotWorkloadsOf(document).filter((id) => id !== workloadId);
    spot.workloads = onSpot ? [...current, workloadId] : current;
    pricing.spot = spot;
  });
}

/** Picks the catalog provider and region (undefined: the engine's default choice). */
export function setProviderRegion(document: ScenarioDocument, provider: string | undefined, region: string | undefined): ScenarioDocument {
  return withPricing(document, (pricing) => {
    if (provider === undefined) delete pricing.provider;
    else pricing.provider = provider;
    if (region === undefined) delete pricing.region;
    else pricing.region = region;
  });
}

/** The providers of the cloud-vs-cloud comparison, as written (null: every catalog provider offering the GPUs). */
export function compareOf(document: ScenarioDocument): string[] | null {
  const pricing = document.pricing;
  return isJsonObject(pricing) && Array.isArray(pricing.compare) ? pricing.compare.filter((p): p is string => typeof p === 'string') : null;
}

/** Adds a provider to the comparison or takes it out; `all` is the list to start from when none is written. */
export function setCompared(document: ScenarioDocument, provider: string, compared: boolean, all: readonly string[]): ScenarioDocument {
  return withPricing(document, (pricing) => {
    const current = compareOf(document) ?? [...all];
    const next = current.filter((p) => p !== provider);
    pricing.compare = compared ? [...next, provider] : next;
  });
}
