/** The same demand priced five ways, side by side: P50 with P10–P90 whiskers and the saving against on-demand. */
import { useMemo } from 'react';
import { formatMoney } from '../../../models/io/display-format.ts';
import type { PricingResult, StrategyResult } from '../../../models/simulate/result.ts';
import { useTheme } from '../../app/use-theme.ts';
import { Chart } from '../../charts/Chart.tsx';
import { buildRangeBarOption } from '../../charts/range-bar-chart.ts';

export const STRATEGY_LABELS: Record<StrategyResult['name'], string> = {
  'on-demand': 'On-demand',
  committed: 'Committed',
  spot: 'Spot',
  plan: 'Your plan',
  optimal: 'Optimal',
};

export const STRATEGY_MEANING: Record<StrategyResult['name'], string> = {
  'on-demand': 'every GPU-hour at the on-demand price',
  committed: 'your commitments, the rest on demand',
  spot: 'spot-eligible workloads on spot, the rest on demand',
  plan: 'your commitments and spot choices together',
  optimal: 'your spot choices with the commitments the optimizer sizes',
};

export function StrategiesPanel({ pricing, currency }: { pricing: PricingResult; currency: string }) {
  const theme = useTheme();
  const option = useMemo(
    () =>
      buildRangeBarOption({
        rows: pricing.strategies.map((s) => ({
          name: STRATEGY_LABELS[s.name],
          stats: s.total,
          highlight: s.name === 'optimal' || s.name === 'plan',
          details: [
            ['saving vs on-demand (mean)', formatMoney(s.savingVsOnDemand ?? 0, currency)],
            ['how', STRATEGY_MEANING[s.name]],
          ],
        })),
        currency,
        theme,
        title: 'Horizon total under each pricing strategy',
      }),
    [pricing, currency, theme],
  );
  return (
    <section className="panel" aria-labelledby="strategies-title">
      <div className="panel-head">
        <h2 id="strategies-title">Pricing strategies (horizon total, all spend)</h2>
        <span className="muted">bars: P50 · whiskers: P10–P90</span>
      </div>
      <div className="pricing-split">
        <Chart option={option} name="pricing strategies" testId="strategies-chart" height={260} />
        <table className="data-table compact" data-testid="strategies-table" aria-label="Pricing strategies">
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col" className="num">P10</th>
              <th scope="col" className="num">P50</th>
              <th scope="col" className="num">P90</th>
              <th scope="col" className="num" title="Mean saving against pricing everything on demand">Saving vs on-demand</th>
            </tr>
          </thead>
          <tbody>
            {pricing.strategies.map((s) => (
              <tr key={s.name} data-strategy={s.name}>
                <th scope="row">
                  {STRATEGY_LABELS[s.name]}
                  <div className="strategy-note">{s.note ?? STRATEGY_MEANING[s.name]}</div>
                </th>
                <td className="num" data-stat="p10">{formatMoney(s.total.p10, currency)}</td>
                <td className="num" data-stat="p50">{formatMoney(s.total.p50, currency)}</td>
                <td className="num" data-stat="p90">{formatMoney(s.total.p90, currency)}</td>
                <td className={`num ${(s.savingVsOnDemand ?? 0) > 0 ? 'saving' : ''}`} data-stat="saving">
                  {formatMoney(s.savingVsOnDemand ?? 0, currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
