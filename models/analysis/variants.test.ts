/**
 * What-if variants: `variants[].set` overrides validated like the baseline, and common random
 * numbers — a variant reuses the baseline's random streams for everything it does not change,
 * so the delta between them is the effect of the change, not sampling noise.
 */
import { describe, expect, it } from 'vitest';
import { bundledReference } from '../pricing/reference.ts';
import { series } from '../simulate/collect.ts';
import { prepareForecast } from '../simulate/prepare.ts';
import { summarizeSimulation, type Simulation } from '../simulate/run.ts';
import { horizonTotal } from '../simulate/summarize.ts';
import { meanAndSd } from '../simulate/stats.ts';
import { scenarioOf, simulationOf } from '../simulate/test-support.ts';
import { parseFormula } from '../formula/parse.ts';

/** Per-trial horizon totals of the baseline and of each variant of a simulation. */
function totals(simulation: Simulation): { base: Float64Array; variants: Float64Array[] } {
  const { store, variantStores } = simulation;
  return { base: horizonTotal(store), variants: variantStores.map(horizonTotal) };
}

/**
 * A scenario with several sources of uncertainty: users on a growth path with month-to-month
 * noise and an uncertain rate, tokens per request, GPU-hours of a training pipeline redrawn
 * every month, and an uncertain fixed cost.
 */
const workloads = [
  { id: 'chat', type: 'formula', cost: 'users * requests_per_user * tokens * 0.000004' },
  { id: 'training', type: 'formula', cost: 'train_hours * 6.88' },
  { id: 'ops', type: 'fixed', monthly: { p10: 8000, p90: 15000 } },
];
const fields = {
  drivers: {
    users: { growth: { start: 20_000, rate: { dist: 'triangular', min: 0, mode: 0.03, max: 0.08 }, volatility: 0.08 } },
    requests_per_user: { dist: 'triangular', min: 20, mode: 40, max: 90 },
    tokens: { p10: 800, p90: 2000 },
    train_hours: { p10: 500, p90: 4000, per: 'month' },
  },
  workloads,
};
/** The training workload scaled by 1.1, as a variant would write it. */
const scaledTraining = { '/workloads/1/cost': '(train_hours * 6.88) * 1.1' };

describe('variant overrides are validated like the baseline', () => {
  const prepare = (variants: unknown[]) => prepareForecast(scenarioOf({ ...fields, variants }), bundledReference, parseFormula);

  it('accepts pointers into drivers, workloads and pricing', () => {
    const prepared = prepare([{ name: 'bigger', set: { '/drivers/tokens': { p10: 800, p90: 3000 }, '/workloads/2/monthly': 9000 } }]);
    expect(prepared.ok).toBe(true);
  });

  it('reports a schema error inside a variant with the variant and the path', () => {
    const prepared = prepare([{ name: 'broken', set: { '/workloads/2/monthly': { p10: 'a lot' } } }]);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.issues[0]!.path).toMatch(/^variants\[0\] "broken" → workloads\[2\]\.monthly/);
  });

  it('reports a formula naming an unknown driver, a pointer that goes nowhere and a duplicate name', () => {
    const prepared = prepare([
      { name: 'typo', set: { '/workloads/0/cost': 'usres * 2' } },
      { name: 'nowhere', set: { '/workloads/7/cost': 1 } },
      { name: 'typo', set: {} },
    ]);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    const text = prepared.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
    expect(text).toMatch(/variants\[0\] "typo" → workloads\[0\]\.cost: .*usres/);
    expect(text).toMatch(/variants\[1\]\.set/);
    expect(text).toMatch(/duplicate variant name "typo"/);
  });

  it('refuses a variant that changes the horizon', () => {
    const prepared = prepare([{ name: 'longer', set: { '/months': 24 } }]);
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.issues[0]!.message).toContain('changes the horizon');
  });
});

describe('common random numbers', () => {
  it('a variant that changes nothing has a delta of exactly 0 in every trial', async () => {
    const simulation = await simulationOf(
      {
        ...fields,
        variants: [
          { name: 'no change', set: {} },
          // Sets a field to the value it already has.
          { name: 'same value', set: { '/drivers/tokens': { p10: 800, p90: 2000 } } },
        ],
      },
      { trials: 5000, seed: 8 },
    );
    const { base, variants } = totals(simulation);
    for (const variant of variants) {
      let differing = 0;
      for (let t = 0; t < base.length; t++) if (variant[t] !== base[t]) differing++;
      expect(differing).toBe(0);
    }
    const result = summarizeSimulation(simulation, bundledReference);
    for (const variant of result.variants!) {
      expect(variant).toMatchObject({ deltaP50: 0, deltaP90: 0, deltaMean: 0, deltaStdError: 0, probabilityCheaper: 0 });
      expect(variant.total).toEqual(result.total);
    }
  });

  it('a variant that scales one workload by 1.1 moves each trial by exactly 10 % of that workload', async () => {
    const simulation = await simulationOf({ ...fields, variants: [{ name: 'training +10 %', set: scaledTraining }] }, { trials: 2000, seed: 2 });
    const { base, variants } = totals(simulation);
    const training = simulation.store.horizonTotal(simulation.store.trialMonth(series.workloadCost(1))!);
    let worst = 0;
    for (let t = 0; t < base.length; t++) worst = Math.max(worst, Math.abs(variants[0]![t]! - base[t]! - 0.1 * training[t]!) / base[t]!);
    expect(worst).toBeLessThan(1e-12);
    const result = summarizeSimulation(simulation, bundledReference);
    // Every trial gets dearer.
    expect(result.variants![0]!.probabilityCheaper).toBe(0);
  });

  it('makes the delta’s sampling error far smaller than the same comparison without common random numbers', async () => {
    // The same comparison — baseline vs training × 1.1 — estimated two ways at N trials:
    //   with CRN: the variant runs on the baseline's streams (one run, paired per trial);
    //   without: the variant scenario runs on its own streams (another seed), unpaired.
    // Sampling error measured twice: the standard error the sample itself implies
    // (paired: sd(Δ)/√N; unpaired: √(var(A)/N + var(B)/N)), and the spread of the estimated mean
    // delta over R independent repetitions (different seeds), which needs no formula.
    // Analytic expectation of the delta: 0.1 × E[training] = 0.1 × 12 × 6.88 × E[train_hours],
    // with train_hours lognormal through P10 500 and P90 4,000: E = exp(μ + σ²/2).
    const N = 2000;
    const R = 12;
    const variantFields = { ...fields, workloads: workloads.map((w, i) => (i === 1 ? { ...w, cost: scaledTraining['/workloads/1/cost'] } : w)) };
    const withCrn: number[] = [];
    const withoutCrn: number[] = [];
    let pairedError = 0;
    let unpairedError = 0;
    for (let r = 0; r < R; r++) {
      const seed = 100 + r;
      const simulation = await simulationOf({ ...fields, variants: [{ name: 'training +10 %', set: scaledTraining }] }, { trials: N, seed });
      const { base, variants } = totals(simulation);
      const paired = variants[0]!.map((v, t) => v - base[t]!);
      withCrn.push(meanAndSd(paired).mean);
      const alone = await simulationOf(variantFields, { trials: N, seed: seed + 10_000 });
      const variantAlone = totals(alone).base;
      withoutCrn.push(meanAndSd(variantAlone).mean - meanAndSd(base).mean);
      if (r === 0) {
        pairedError = meanAndSd(paired).sd / Math.sqrt(N);
        unpairedError = Math.sqrt((meanAndSd(base).sd ** 2 + meanAndSd(variantAlone).sd ** 2) / N);
        expect(summarizeSimulation(simulation, bundledReference).variants![0]!.deltaStdError).toBeCloseTo(pairedError, 6);
      }
    }
    const spread = (xs: number[]) => meanAndSd(Float64Array.from(xs)).sd;
    const crnSpread = spread(withCrn);
    const plainSpread = spread(withoutCrn);
    const z90 = 1.2815515655446004;
    const sigma = Math.log(4000 / 500) / (2 * z90);
    const expectedDelta = 0.1 * 12 * 6.88 * Math.exp(Math.log(Math.sqrt(500 * 4000)) + sigma ** 2 / 2);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      [
        `Δ mean total of training × 1.1 over ${N} trials (analytic ${expectedDelta.toFixed(0)}):`,
        `  standard error from the sample: with CRN ${pairedError.toFixed(1)}, without ${unpairedError.toFixed(1)} (ratio ${(unpairedError / pairedError).toFixed(1)})`,
        `  spread over ${R} seeds:          with CRN ${crnSpread.toFixed(1)}, without ${plainSpread.toFixed(1)} (ratio ${(plainSpread / crnSpread).toFixed(1)})`,
        `  mean estimate over the seeds:   with CRN ${mean(withCrn).toFixed(0)}, without ${mean(withoutCrn).toFixed(0)}`,
      ].join('\n'),
    );
    expect(unpairedError / pairedError).toBeGreaterThan(10);
    expect(plainSpread / crnSpread).toBeGreaterThan(10);
    // Both estimate the same delta, each to within 4 of its own standard errors (over R repetitions).
    expect(Math.abs(mean(withCrn) - expectedDelta)).toBeLessThan((4 * pairedError) / Math.sqrt(R));
    expect(Math.abs(mean(withoutCrn) - expectedDelta)).toBeLessThan((4 * unpairedError) / Math.sqrt(R));
  });
});
