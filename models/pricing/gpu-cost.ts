/**
 * The money paid for a month's GPU-hours of one GPU type under a pricing mix: committed hours
 * are paid whether used or not and serve demand first (on-demand-only demand before
 * spot-eligible demand, since on-demand is the dearer fallback); spot-eligible demand left
 * over runs on spot, paying (1 + interruption overhead) and falling back to on-demand for the
 * share spot cannot serve; everything else pays on-demand. One function prices every
 * strategy, the scenario's plan and each point of the commitment curve.
 */

export interface CommitmentLayer {
  /** GPU-hours per month paid whatever is used. */
  hours: number;
  /** Price per committed GPU-hour. */
  rate: number;
  /** 0-based first and last month (inclusive) of the horizon the layer covers. */
  fromMonth: number;
  toMonth: number;
}

export interface GpuMix {
  onDemand: number;
  /** Null: spot is not used (spot-eligible demand pays on-demand). */
  spot: number | null;
  commitments: readonly CommitmentLayer[];
}

/** GPU-hours committed in `month` (0-based) under a mix: the layers covering it. */
export function committedHours(mix: GpuMix, month: number): number {
  let hours = 0;
  for (const layer of mix.commitments) if (month >= layer.fromMonth && month <= layer.toMonth) hours += layer.hours;
  return hours;
}

/** Money owed in `month` for the committed hours, used or not. */
export function commitmentPayment(mix: GpuMix, month: number): number {
  let paid = 0;
  for (const layer of mix.commitments) if (month >= layer.fromMonth && month <= layer.toMonth) paid += layer.hours * layer.rate;
  return paid;
}

/**
 * Cost of one trial-month with `committed` hours paid `payment` (that month's committedHours and
 * commitmentPayment): a loop over many trial-months of one month works them out once.
 */
export function gpuMonthCostWith(steady: number, flexible: number, committed: number, payment: number, mix: GpuMix, overhead: number, availability: number): number {
  const steadyLeft = Math.max(steady - committed, 0);
  const committedLeft = Math.max(committed - steady, 0);
  const flexibleLeft = Math.max(flexible - committedLeft, 0);
  const paid = payment + steadyLeft * mix.onDemand;
  if (mix.spot === null) return paid + flexibleLeft * mix.onDemand;
  const onSpot = flexibleLeft * availability;
  return paid + onSpot * mix.spot * (1 + overhead) + (flexibleLeft - onSpot) * mix.onDemand;
}

/**
 * Cost of one trial-month. `steady` is demand that must run on demand or commitments,
 * `flexible` is spot-eligible demand; `overhead` and `availability` apply to spot.
 */
export function gpuMonthCost(
  steady: number,
  flexible: number,
  month: number,
  mix: GpuMix,
  overhead: number,
  availability: number,
): number {
  return gpuMonthCostWith(steady, flexible, committedHours(mix, month), commitmentPayment(mix, month), mix, overhead, availability);
}
