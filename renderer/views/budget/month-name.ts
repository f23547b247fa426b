/** Month numbers of the result (1-based counts from the start) as the months people read. */
import type { ForecastResult } from '../../../models/simulate/result.ts';

/** Month `m` (1-based, possibly fractional from a statistic) as its label, e.g. `2027-07 (month 7)`. */
export function monthName(result: Pick<ForecastResult, 'months'>, m: number): string {
  const index = Math.round(m) - 1;
  const label = result.months[index];
  return label ? `${label} (month ${Math.round(m)})` : `month ${Math.round(m)}`;
}
