/**
 * Unit economics and who pays: the cost per unit (per request, per user, per training run) over
 * the horizon with its monthly path, and chargeback by any tag key with each value's P50/P90
 * and monthly P50s stacked. All figures are the engine's.
 */
import { useMemo, useState } from 'react';
import { formatMoney, unitCostLabel } from '../../../models/io/display-format.ts';
import type { ForecastResult, UnitResult } from '../../../models/simulate/result.ts';
import { useTheme } from '../../app/use-theme.ts';
import { buildBreakdownOption } from '../../charts/breakdown-chart.ts';
import { Chart } from '../../charts/Chart.tsx';
import { buildFanChartOption } from '../../charts/fan-chart.ts';

/** "per 1,000 requests" / "per active_user". */
export function unitLabel(name: string, unit: UnitResult): string {
  return unitCostLabel(name, unit.per ?? 1);
}

export function UnitCostsPanel({ result }: { result: ForecastResult }) {
  const theme = useTheme();
  const units = result.units ?? {};
  const names = Object.keys(units);
  const [picked, setPicked] = useState<string | null>(null);
  const shown = picked !== null && units[picked] ? picked : names[0];
  const unit = shown !== undefined ? units[shown] : undefined;
  const option = useMemo(
    () => (unit?.monthly && shown !== undefined ? buildFanChartOption({ stats: unit.monthly, currency: result.currency, theme, axisMoney: 'full', title: `Cost ${unitLabel(shown, unit)} by month` }) : null),
    [unit, shown, result.currency, theme],
  );
  if (!names.length) {
    return (
      <section className="panel" data-testid="units-none">
        <h2>Unit costs</h2>
        <p className="muted">
          No units are defined. Add <code>units</code> (requests, users, training runs per month) to the scenario to see the cost per unit.
        </p>
      </section>
    );
  }
  const money = (v: number) => formatMoney(v, result.currency);
  return (
    <section className="panel" aria-labelledby="units-title">
      <div className="panel-head">
        <h2 id="units-title">Unit costs</h2>
        {names.length > 1 ? (
          <label className="inline-field">
            <span>monthly path of</span>
            <select aria-label="Unit shown by month" value={shown} onChange={(event) => setPicked(event.target.value)}>
              {names.map((n) => (
                <option key={n} value={n}>
                  {unitLabel(n, units[n]!)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <div className="budget-split">
        <table className="data-table compact" data-testid="units-table" aria-label="Unit costs over the horizon">
          <thead>
            <tr>
              <th scope="col">Cost</th>
              <th scope="col" className="num">P10</th>
              <th scope="col" className="num">P50</th>
              <th scope="col" className="num">P90</th>
              <th scope="col" className="num">Mean</th>
            </tr>
          </thead>
          <tbody>
            {names.map((n) => {
              const u = units[n]!;
              return (
                <tr key={n} data-unit={n}>
                  <th scope="row">{unitLabel(n, u)}</th>
                  <td className="num" data-stat="p10">{money(u.costPerUnit.p10)}</td>
                  <td className="num" data-stat="p50">{money(u.costPerUnit.p50)}</td>
                  <td className="num" data-stat="p90">{money(u.costPerUnit.p90)}</td>
                  <td className="num" data-stat="mean">{money(u.costPerUnit.mean)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {option ? <Chart option={option} name={`cost ${shown !== undefined && unit ? unitLabel(shown, unit) : ''} by month`} testId="unit-cost-chart" height={260} /> : null}
      </div>
    </section>
  );
}

export function ChargebackPanel({ result }: { result: ForecastResult }) {
  const theme = useTheme();
  const chargeback = result.chargeback ?? {};
  const keys = Object.keys(chargeback);
  const [picked, setPicked] = useState<string | null>(null);
  const key = picked !== null && chargeback[picked] ? picked : keys.includes('team') ? 'team' : keys[0];
  const groups = key !== undefined ? (chargeback[key] ?? {}) : {};
  const option = useMemo(
    () =>
      buildBreakdownOption({
        months: result.months,
        groups: Object.entries(groups).map(([value, g]) => ({ name: value, values: g.monthly.map((m) => m.p50) })),
        currency: result.currency,
        theme,
        title: `Chargeback by ${key ?? 'tag'}: monthly P50 of each`,
      }),
    [groups, key, result.months, result.currency, theme],
  );
  if (key === undefined) return null;
  const money = (v: number) => formatMoney(v, result.currency);
  return (
    <section className="panel" aria-labelledby="chargeback-title">
      <div className="panel-head">
        <h2 id="chargeback-title">Chargeback</h2>
        <label className="inline-field">
          <span>by tag</span>
          <select aria-label="Chargeback by tag" value={key} onChange={(event) => setPicked(event.target.value)}>
            {keys.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="budget-split">
        <table className="data-table compact" data-testid="chargeback-table" aria-label={`Chargeback by ${key}`}>
          <thead>
            <tr>
              <th scope="col">{key}</th>
              <th scope="col" className="num">P50</th>
              <th scope="col" className="num">P90</th>
              <th scope="col" className="num">Mean</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(groups).map(([value, g]) => (
              <tr key={value} data-value={value}>
                <th scope="row">{value}</th>
                <td className="num" data-stat="p50">{money(g.total.p50)}</td>
                <td className="num" data-stat="p90">{money(g.total.p90)}</td>
                <td className="num" data-stat="mean">{money(g.total.mean)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Chart option={option} name={`chargeback by ${key}`} testId="chargeback-chart" height={280} />
      </div>
      <p className="muted small-print">Horizon totals per tag value. The P50s of the parts do not add up to the P50 of the whole; the means do.</p>
    </section>
  );
}
