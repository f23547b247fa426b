import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../models/scenario/validate.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { addMonths, isStale, monthsOld } from './catalog-age.ts';
import { addCommitment, commitmentsOf, removeCommitment, setCompared, setProviderRegion, setSpotWorkload, spotWorkloadsOf, applyCommitmentLevel, wholeHours } from './pricing-edits.ts';

const base: ScenarioDocument = {
  format: 'costcast/scenario',
  version: 1,
  name: 'edits',
  currency: 'USD',
  start: '2027-01',
  months: 24,
  workloads: [
    { id: 'serve', type: 'gpu-inference', gpu: 'H100', requests: 1e6, tokensPerRequest: 500, tokensPerSecondPerGpu: 1000 },
    { id: 'tune', type: 'training', gpu: 'H100', gpuHoursPerRun: 100, runsPerMonth: 2 },
  ],
  pricing: { provider: 'aws', commitments: [{ gpu: 'H100', term: '1y', gpuHoursPerMonth: 2920 }, { gpu: 'H100', term: '1y', gpuHoursPerMonth: 4380, startMonth: 13 }, { gpu: 'L4', term: '1y', gpuHoursPerMonth: 730 }] },
};

const valid = (document: ScenarioDocument) => validateDocument(document).ok;

describe('commitment edits', () => {
  it('"use the recommended level" replaces that GPU and term’s commitments with one whole-hour level', () => {
    const next = applyCommitmentLevel(base, 'H100', '1y', 4947.0149);
    expect(commitmentsOf(next)).toEqual([{ gpu: 'L4', term: '1y', gpuHoursPerMonth: 730 }, { gpu: 'H100', term: '1y', gpuHoursPerMonth: 4947 }]);
    expect(valid(next)).toBe(true);
    // The document handed in is left as it was (history keeps it).
    expect(commitmentsOf(base)).toHaveLength(3);
  });

  it('a level of 0 removes them, and the last removal drops the list', () => {
    const none = applyCommitmentLevel(applyCommitmentLevel(base, 'H100', '1y', 0), 'L4', '1y', 0.2);
    expect(none.pricing).toEqual({ provider: 'aws' });
    expect(valid(none)).toBe(true);
    expect(wholeHours(-3)).toBe(0);
  });

  it('adds and removes commitments, creating pricing when the scenario has none', () => {
    const { pricing: _dropped, ...withoutPricing } = base;
    const added = addCommitment(withoutPricing, { gpu: 'H100', term: '3y', gpuHoursPerMonth: 100 });
    expect(added.pricing).toEqual({ commitments: [{ gpu: 'H100', term: '3y', gpuHoursPerMonth: 100 }] });
    expect(removeCommitment(added, 0).pricing).toEqual({});
    expect(commitmentsOf(removeCommitment(base, 1)).map((c) => (c as { gpuHoursPerMonth: number }).gpuHoursPerMonth)).toEqual([2920, 730]);
  });
});

describe('spot, provider and comparison edits', () => {
  it('puts workloads on spot and takes them off, keeping the spot settings', () => {
    const on = setSpotWorkload(setSpotWorkload(base, 'tune', true), 'serve', true);
    expect(spotWorkloadsOf(on)).toEqual(['tune', 'serve']);
    const withOverhead = { ...on, pricing: { ...(on.pricing as object), spot: { workloads: ['tune', 'serve'], interruptionOverhead: 0.1 } } };
    const off = setSpotWorkload(withOverhead, 'tune', false);
    expect((off.pricing as { spot: unknown }).spot).toEqual({ workloads: ['serve'], interruptionOverhead: 0.1 });
    expect(valid(off)).toBe(true);
  });

  it('sets or clears the provider and region', () => {
    expect(setProviderRegion(base, 'gcp', 'us-central1').pricing).toMatchObject({ provider: 'gcp', region: 'us-central1' });
    expect(setProviderRegion(base, undefined, undefined).pricing).not.toHaveProperty('provider');
  });

  it('edits the comparison, starting from every provider when none was listed', () => {
    const fewer = setCompared(base, 'azure', false, ['aws', 'azure', 'gcp']);
    expect((fewer.pricing as { compare: string[] }).compare).toEqual(['aws', 'gcp']);
    expect((setCompared(fewer, 'lambda', true, []).pricing as { compare: string[] }).compare).toEqual(['aws', 'gcp', 'lambda']);
  });
});

describe('catalog age', () => {
  it('warns after six calendar months', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(isStale('2026-06-01', '2026-12-01')).toBe(false);
    expect(isStale('2026-06-01', '2026-12-02')).toBe(true);
    expect(isStale('2026-11-23', '2026-12-01')).toBe(false);
    expect(monthsOld('2026-05-15', '2026-12-01')).toBe(6);
    expect(monthsOld('2026-11-23', '2026-12-01')).toBe(0);
  });
});
