/** The human-readable forecast report printed by `costcast forecast`. */
import type { ForecastResult, Stats } from '../models/simulate/result.ts';
import { unitCostLabel } from '../models/io/display-format.ts';
import { money, number, percent, table } from './format.ts';

/** The report text for a result. */
export function forecastReport(result: ForecastResult): string {
  const c = result.currency;
  const m = (v: number) => money(v, c);
  const statRow = (label: string, s: Stats) => [label, m(s.p10), m(s.p50), m(s.p90), m(s.mean)];
  const out: string[] = [];
  out.push(`${result.scenario} — ${result.months.length} months from ${result.months[0]}, ${c}`);
  out.push(`${number(result.trials)} trials, ${result.sampling === 'lhs' ? 'Latin hypercube' : 'random'} sampling, seed ${result.seed}`);
  out.push('');
  out.push('Spend over the horizon');
  out.push(table(['', 'P10', 'P50', 'P90', 'Mean'], [statRow('Total', result.total), ...Object.entries(result.workloads).map(([id, w]) => statRow(`  ${id}`, w.total))]));
  const p50 = result.total.p50;
  out.push(`  Precision: P50 ± ${m(result.precision.p50StdError)} (${percent(result.precision.p50StdError / Math.abs(p50 || 1), 2)}), P90 ± ${m(result.precision.p90StdError)} (${percent(result.precision.p90StdError / Math.abs(result.total.p90 || 1), 2)}) standard error`);

  const b = result.budget;
  if (b) {
    out.push('');
    out.push(`Budget ${m(b.amount)}`);
    out.push(`  P(exceeding) ${percent(b.probabilityOfExceeding)}, expected overrun ${m(b.expectedOverrun)}`);
    if (b.firstBreachMonth) {
      out.push(`  P(breach) ${percent(b.probabilityOfBreach)}; first breach month P10/P50/P90: ${number(b.firstBreachMonth.p10)} / ${number(b.firstBreachMonth.p50)} / ${number(b.firstBreachMonth.p90)} (${result.months[Math.round(b.firstBreachMonth.p50) - 1] ?? ''})`);
    } else out.push('  No trial breaches the budget.');
    for (const t of b.thresholds ?? []) {
      out.push(`  ${percent(t.level, 0)} of budget: crossed with P ${percent(t.probability)}${t.likelyMonth ? `, by month ${t.likelyMonth} (${result.months[t.likelyMonth - 1]}) in half the trials` : ''}`);
    }
    for (const tag of b.byTag ?? []) out.push(`  ${tag.tag}=${tag.value}: budget ${m(tag.amount)}, P(exceeding) ${percent(tag.probabilityOfExceeding)}`);
  }

  if (result.sensitivity.length) {
    out.push('');
    out.push('What drives the spread (rank correlation with the total; P50 when the driver is in its bottom / top 10 %)');
    out.push(
      table(
        ['', 'ρ', 'P50 low', 'P50 high', 'pin down: spread −'],
        result.sensitivity.slice(0, 8).map((s) => [s.driver, s.rankCorrelation.toFixed(2), m(s.p50AtLow ?? NaN), m(s.p50AtHigh ?? NaN), m(s.spreadReduction ?? NaN)]),
      ),
    );
  }

  const pricing = result.pricing;
  if (pricing) {
    out.push('');
    out.push('Pricing strategies (same demand)');
    out.push(table(['', 'P10', 'P50', 'P90', 'Mean', 'Saving'], pricing.strategies.map((s) => [...statRow(s.name, s.total), m(s.savingVsOnDemand ?? 0)])));
    for (const r of pricing.recommendedCommitments) {
      out.push(`  Recommended: commit ${number(r.gpuHoursPerMonth)} ${r.gpu} GPU-hours/month for ${r.term}${r.expectedSaving !== undefined ? `, saving ${m(r.expectedSaving)} in expectation` : ''}${r.probabilityUnderUsed !== undefined ? `, under-used in ${percent(r.probabilityUnderUsed)} of months` : ''}`);
    }
    if (pricing.providers.length) {
      out.push('Cloud vs cloud (ranked by P50)');
      out.push(
        table(
          ['', 'region', 'P50', 'P90', 'CO2e t'],
          pricing.providers.map((p) => [p.provider, p.region, m(p.total.p50), m(p.total.p90), number(p.co2eTonnes, 1)]),
        ),
      );
    }
    if (pricing.asOf) out.push(`  Catalog prices as of ${pricing.asOf}`);
  }

  if (result.roi) {
    const r = result.roi;
    out.push('');
    out.push('Return on the spend');
    out.push(`  Value P50 ${m(r.value.p50)}, net P50 ${m(r.net.p50)}, ROI P10/P50/P90 ${percent(r.roi.p10)} / ${percent(r.roi.p50)} / ${percent(r.roi.p90)}`);
    out.push(`  NPV P10/P50/P90 ${m(r.npv.p10)} / ${m(r.npv.p50)} / ${m(r.npv.p90)}; P(ROI > 0) ${percent(r.probabilityPositive)}`);
    out.push(`  Payback within the horizon: ${percent(r.probabilityOfPayback)}${r.paybackMonth ? `, month P50 ${number(r.paybackMonth.p50)}` : ''}`);
  }

  if (result.units) {
    out.push('');
    out.push('Unit costs (over the horizon)');
    out.push(table(['', 'P10', 'P50', 'P90'], Object.entries(result.units).map(([name, u]) => [unitCostLabel(name, u.per ?? 1), m(u.costPerUnit.p10), m(u.costPerUnit.p50), m(u.costPerUnit.p90)])));
  }

  if (result.carbon) {
    out.push('');
    out.push(`Energy and emissions: ${number(result.carbon.energyMWh.p50, 1)} MWh, ${number(result.carbon.co2eTonnes.p50, 1)} t CO2e (P50; P90 ${number(result.carbon.co2eTonnes.p90, 1)} t)`);
  }

  if (result.variants?.length) {
    out.push('');
    out.push('Variants (common random numbers: deltas are the effect of the change)');
    out.push(
      table(
        ['', 'P50', 'P90', 'Δ P50', 'Δ P90', 'P(cheaper)'],
        result.variants.map((v) => [v.name, m(v.total.p50), m(v.total.p90), m(v.deltaP50), m(v.deltaP90), percent(v.probabilityCheaper ?? NaN)]),
      ),
    );
  }
  for (const warning of result.warnings ?? []) out.push(`warning: ${warning}`);
  return out.join('\n');
}
