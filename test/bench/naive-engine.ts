/**
 * The naive engine: what one would write first with mathjs — for every trial and month, a scope
 * object with the drivers' values, every formula of the scenario evaluated with mathjs's own
 * `compile(text).evaluate(scope)`, and each workload's cost as one more mathjs formula. Random
 * numbers and growth paths come from the engine's sampling (reference.ts), so only the
 * evaluation differs and the costs come out the same.
 */
import { compile, type EvalFunction } from 'mathjs';
import { HOURS_PER_MONTH } from '../../models/workloads/demand.ts';
import { chunkDraws, constantOf, forEachChunk, growthNoise, type Reference, type WorkloadCosts } from './reference.ts';

/** Each workload's cost per month as a formula over the drivers (the scenario's workloads, written out). */
const workloadFormulas = [
  'requests * (prompt_tokens * (1 - cache_share) * price_in + prompt_tokens * cache_share * price_cached + answer_tokens * price_out) / 1e6 * (1 - batch_share * batch_discount)',
  'max(1, ceil(summaries * summary_tokens / (throughput * 0.6 * 3600 * hours_per_month) * peak_ratio)) * hours_per_month * l4',
  'run_hours * 1.1 * finetune_runs * h100',
  '6 * 8e9 * 2e9 / (h100_tflops * 1e12 * mfu * 3600) * 0.25 * h100',
  '(eval_runs * 2 + eval_runs * 0.3 * 20) * h100',
  'tb_stored * per_tb + egress_tb * per_tb_egress',
  'seats * seat_price',
  '4000',
];

/** Every workload's cost per trial and month for `trials` trials, by mathjs evaluation. */
export function naiveMathjsEngine({ scenario, plan }: Reference, trials: number, seed: number): WorkloadCosts {
  const M = plan.months;
  // The scenario's formula drivers, in the plan's dependency order.
  const formulas: [string, EvalFunction][] = plan.nodes
    .filter(({ node, name }) => node.kind === 'formula' && typeof scenario.drivers?.[name] === 'string')
    .map(({ name }) => [name, compile(scenario.drivers![name] as string)]);
  const costFormulas = workloadFormulas.map((text) => compile(text));
  const costs: WorkloadCosts = plan.workloads.map(() => new Float64Array(trials * M));
  const constants = {
    price_in: constantOf(plan, 'chat.price.input'),
    price_cached: constantOf(plan, 'chat.price.cachedInput'),
    price_out: constantOf(plan, 'chat.price.output'),
    batch_discount: constantOf(plan, 'chat.price.batchDiscount'),
    per_tb: constantOf(plan, 'store.pricePerTbMonth'),
    per_tb_egress: constantOf(plan, 'store.egressPricePerTb'),
    l4: plan.gpuPrices['L4']!.onDemand,
    h100: plan.gpuPrices['H100']!.onDemand,
    h100_tflops: plan.workloads[3]!.peakTflops!,
    hours_per_month: HOURS_PER_MONTH,
  };
  const perTrial = ['requests_per_user', 'prompt_tokens', 'answer_tokens', 'cache_share', 'batch_share', 'throughput', 'peak_ratio', 'run_hours', 'storage_growth', 'egress_tb', 'seat_price', 'experiments_per_team'];
  const sigma = 0.04;
  const cap = 400000;

  forEachChunk(trials, (chunkIndex, offset, n) => {
    const d = chunkDraws(plan, seed, trials, chunkIndex);
    const usersRate = d.get('users.rate')!;
    const teamsRate = d.get('teams.rate')!;
    const mfu = d.get('pretrain.mfu')!;
    const noise = new Float64Array(n);
    const nextNoise = growthNoise(seed, chunkIndex, 'users');
    const users = Float64Array.from(d.get('users.start')!);
    const teams = new Float64Array(n).fill(12);
    for (let m = 0; m < M; m++) {
      if (m > 0) nextNoise(noise, n);
      for (let t = 0; t < n; t++) {
        if (m > 0) {
          const u = users[t]!;
          users[t] = u * (1 + usersRate[t]! * (1 - u / cap)) * Math.exp(sigma * noise[t]! - (sigma * sigma) / 2);
          teams[t] = teams[t]! * (1 + teamsRate[t]!);
        }
        const scope: Record<string, number> = { ...constants, month: m, users: users[t]!, teams: teams[t]!, mfu: mfu[t]! };
        for (const name of perTrial) scope[name] = d.get(name)![t]!;
        for (const [name, formula] of formulas) scope[name] = formula.evaluate(scope) as number;
        costFormulas.forEach((formula, w) => {
          costs[w]![m * trials + offset + t] = formula.evaluate(scope) as number;
        });
      }
    }
  });
  return costs;
}
