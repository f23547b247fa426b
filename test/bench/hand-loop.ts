/**
 * The practical limit: the reference scenario's model written out by hand as one plain
 * JavaScript loop over trials and months, with every driver a local variable. It draws its
 * random numbers exactly as the engine does (reference.ts), so it computes the same costs; what
 * it cannot do is read any other scenario.
 */
import { ceilNumber } from '../../models/formula/numeric-rules.ts';
import { HOURS_PER_MONTH } from '../../models/workloads/demand.ts';
import { chunkDraws, constantOf, forEachChunk, growthNoise, type Reference, type WorkloadCosts } from './reference.ts';

/** Every workload's cost per trial and month for `trials` trials (seed as given, Latin hypercube). */
export function handWrittenLoop({ plan }: Reference, trials: number, seed: number): WorkloadCosts {
  const M = plan.months;
  const costs: WorkloadCosts = plan.workloads.map(() => new Float64Array(trials * M));
  const [chat, summaries, finetune, pretrain, evals, store, seats, gateway] = costs as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  // Prices and GPU facts the plan resolved from the catalog.
  const priceIn = constantOf(plan, 'chat.price.input');
  const priceCached = constantOf(plan, 'chat.price.cachedInput');
  const priceOut = constantOf(plan, 'chat.price.output');
  const batchDiscount = constantOf(plan, 'chat.price.batchDiscount');
  const perTb = constantOf(plan, 'store.pricePerTbMonth');
  const perTbEgress = constantOf(plan, 'store.egressPricePerTb');
  const l4 = plan.gpuPrices['L4']!.onDemand;
  const h100 = plan.gpuPrices['H100']!.onDemand;
  const h100Tflops = plan.workloads[3]!.peakTflops!;
  const secondsPerMonth = 3600 * HOURS_PER_MONTH;
  const pretrainHoursPerMfu = (6 * 8e9 * 2e9) / (h100Tflops * 1e12 * 3600);
  const sigma = 0.04;
  const cap = 400000;

  forEachChunk(trials, (chunkIndex, offset, n) => {
    const d = chunkDraws(plan, seed, trials, chunkIndex);
    const draw = (name: string) => d.get(name)!;
    const [usersStart, usersRate, teamsRate, requestsPerUser, promptTokens, answerTokens, cacheShare, batchShare, throughput, peakRatio, runHours, storageGrowth, egressTb, seatPrice, experimentsPerTeam, mfu] = [
      'users.start', 'users.rate', 'teams.rate', 'requests_per_user', 'prompt_tokens', 'answer_tokens', 'cache_share', 'batch_share', 'throughput', 'peak_ratio', 'run_hours', 'storage_growth', 'egress_tb', 'seat_price', 'experiments_per_team', 'pretrain.mfu',
    ].map(draw) as Float64Array[] as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const noise = new Float64Array(n);
    const nextNoise = growthNoise(seed, chunkIndex, 'users');
    const users = Float64Array.from(usersStart);
    const teams = new Float64Array(n).fill(12);
    for (let m = 0; m < M; m++) {
      if (m > 0) nextNoise(noise, n);
      const row = m * trials + offset;
      for (let t = 0; t < n; t++) {
        // Growth paths: logistic with volatility for users, plain compound growth for teams.
        if (m > 0) {
          const u = users[t]!;
          users[t] = u * (1 + usersRate[t]! * (1 - u / cap)) * Math.exp(sigma * noise[t]! - (sigma * sigma) / 2);
          teams[t] = teams[t]! * (1 + teamsRate[t]!);
        }
        const requests = users[t]! * requestsPerUser[t]!;
        const summaryRequests = requests * 0.3;
        const summaryTokens = answerTokens[t]! * 1.5;
        const finetuneRuns = ceilNumber(teams[t]! / 6);
        const tbStored = 10 + storageGrowth[t]! * m;
        const seatCount = teams[t]! * 8;
        const evalRuns = teams[t]! * experimentsPerTeam[t]!;

        const tokensIn = promptTokens[t]!;
        const c = cacheShare[t]!;
        chat[row + t] = ((requests * (tokensIn * (1 - c) * priceIn + tokensIn * c * priceCached + answerTokens[t]! * priceOut)) / 1e6) * (1 - batchShare[t]! * batchDiscount);
        const averageGpus = (summaryRequests * summaryTokens) / (throughput[t]! * 0.6 * secondsPerMonth);
        summaries[row + t] = Math.max(1, Math.ceil(averageGpus * peakRatio[t]!)) * HOURS_PER_MONTH * l4;
        finetune[row + t] = runHours[t]! * 1.1 * finetuneRuns * h100;
        pretrain[row + t] = (pretrainHoursPerMfu / mfu[t]!) * 0.25 * h100;
        evals[row + t] = (evalRuns * 2 + evalRuns * 0.3 * 20) * h100;
        store[row + t] = tbStored * perTb + egressTb[t]! * perTbEgress;
        seats[row + t] = seatCount * seatPrice[t]!;
        gateway[row + t] = 4000;
      }
    }
  });
  return costs;
}
