/**
 * Forecast: the fan chart (monthly or cumulative, with the budget), the breakdown by workload
 * or tag, the distribution of the total against the budget, the drivers of the spread and the
 * statistics table. Every number comes from the engine's result.
 */
import { useMemo, useState } from 'react';
import { formatMoney, formatPercent } from '../../../models/io/display-format.ts';
import { useTheme } from '../../app/use-theme.ts';
import { buildBreakdownOption } from '../../charts/breakdown-chart.ts';
import { Chart } from '../../charts/Chart.tsx';
import { buildDistributionOption } from '../../charts/distribution-chart.ts';
import { buildFanChartOption } from '../../charts/fan-chart.ts';
import { buildTornadoOption } from '../../charts/tornado-chart.ts';
import { EmptyResult } from '../shared/EmptyResult.tsx';
import { ResultHeader } from '../shared/ResultHeader.tsx';
import { useShownForecast } from '../shared/use-result.ts';
import { breakdownGroups, monthlyBudgetLine } from './forecast-series.ts';
import { StatsTable } from './StatsTable.tsx';
import './forecast.css';

/** Taller when the legend below the bars needs more rows. */
function breakdownHeight(option: { grid?: unknown }): number {
  const bottom = (option.grid as { bottom?: number } | undefined)?.bottom ?? 40;
  return 280 + bottom;
}

export function ForecastView() {
  const shown = useShownForecast();
  const theme = useTheme();
  const [cumulative, setCumulative] = useState(false);
  const [breakdownBy, setBreakdownBy] = useState('workload');
  const result = shown?.result;
  const scenario = shown?.scenario ?? null;

  const fanOption = useMemo(() => {
    if (!result) return null;
    const stats = cumulative ? (result.cumulative ?? result.monthly) : result.monthly;
    const budget = cumulative ? (result.budget?.cumulativeBudget ?? null) : monthlyBudgetLine(scenario, result);
    return buildFanChartOption({ stats, currency: result.currency, theme, budget, title: cumulative ? 'Cumulative spend' : 'Monthly spend' });
  }, [result, scenario, cumulative, theme]);

  const breakdownOption = useMemo(() => {
    if (!result) return null;
    return buildBreakdownOption({ months: result.months, groups: breakdownGroups(result, scenario, breakdownBy), currency: result.currency, theme });
  }, [result, scenario, breakdownBy, theme]);

  const distributionOption = useMemo(() => {
    const shape = result?.distributions?.total;
    if (!result || !shape) return null;
    const budget = result.budget;
    return buildDistributionOption({
      shape,
      theme,
      currency: result.currency,
      marker: budget ? { value: budget.amount, label: 'Budget', probabilityAbove: budget.probabilityOfExceeding } : null,
      title: 'Distribution of the horizon total',
    });
  }, [result, theme]);

  const tornadoOption = useMemo(() => (result ? buildTornadoOption({ sensitivity: result.sensitivity, baseP50: result.total.p50, currency: result.currency, theme }) : null), [result, theme]);

  if (!shown || !result) return <EmptyResult title="Forecast" />;
  const tagKeys = Object.keys(result.chargeback ?? {});
  const budget = result.budget;

  return (
    <div className="forecast-view">
      <ResultHeader shown={shown} title="Forecast" />

      <section className="kpis" aria-label="Headline figures">
        <div className="kpi" data-testid="kpi-p50">
          <span className="kpi-label">P50 total</span>
          <span className="kpi-value">{formatMoney(result.total.p50, result.currency)}</span>
          <span className="kpi-sub">
            80 % between {formatMoney(result.total.p10, result.currency)} and {formatMoney(result.total.p90, result.currency)}
          </span>
        </div>
        <div className="kpi">
          <span className="kpi-label">Mean total</span>
          <span className="kpi-value">{formatMoney(result.total.mean, result.currency)}</span>
          <span className="kpi-sub">over {result.months.length} months from {result.months[0]}</span>
        </div>
        {budget ? (
          <div className={`kpi ${budget.probabilityOfExceeding > 0.2 ? 'kpi-bad' : ''}`} data-testid="kpi-overrun">
            <span className="kpi-label">P(over budget)</span>
            <span className="kpi-value">{formatPercent(budget.probabilityOfExceeding)}</span>
            <span className="kpi-sub">
              budget {formatMoney(budget.amount, result.currency)}; expected overrun {formatMoney(budget.expectedOverrun, result.currency)}
            </span>
          </div>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="fan-title">
        <div className="panel-head">
          <h2 id="fan-title">{cumulative ? 'Cumulative spend' : 'Spend per month'}</h2>
          <div className="segmented" role="group" aria-label="Monthly or cumulative">
            <button type="button" aria-pressed={!cumulative} onClick={() => setCumulative(false)}>
              Per month
            </button>
            <button type="button" aria-pressed={cumulative} onClick={() => setCumulative(true)}>
              Cumulative
            </button>
          </div>
        </div>
        {fanOption ? <Chart option={fanOption} name={cumulative ? 'cumulative spend' : 'monthly spend'} testId="fan-chart" /> : null}
      </section>

      <div className="panel-row">
        <section className="panel" aria-labelledby="breakdown-title">
          <div className="panel-head">
            <h2 id="breakdown-title">Breakdown (P50 of each part)</h2>
            <label className="inline-field">
              <span>by</span>
              <select value={breakdownBy} onChange={(event) => setBreakdownBy(event.target.value)} aria-label="Break down by">
                <option value="workload">workload</option>
                {tagKeys.map((key) => (
                  <option key={key} value={key}>
                    tag: {key}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {breakdownOption ? <Chart option={breakdownOption} name="breakdown" testId="breakdown-chart" height={breakdownHeight(breakdownOption)} /> : null}
        </section>
        <section className="panel" aria-labelledby="distribution-title">
          <div className="panel-head">
            <h2 id="distribution-title">Distribution of the total</h2>
            {budget ? <span className="muted">P(over budget) {formatPercent(budget.probabilityOfExceeding)}</span> : null}
          </div>
          {distributionOption ? <Chart option={distributionOption} name="distribution of the total" testId="distribution-chart" /> : <p className="muted">Run the forecast to see the distribution.</p>}
        </section>
      </div>

      <section className="panel" aria-labelledby="stats-title">
        <div className="panel-head">
          <h2 id="stats-title">Statistics</h2>
        </div>
        <StatsTable result={result} scenario={scenario} />
      </section>

      <section className="panel" aria-labelledby="tornado-title">
        <div className="panel-head">
          <h2 id="tornado-title">What drives the spread</h2>
        </div>
        <div className="spread-layout">
          {tornadoOption && result.sensitivity.length ? <Chart option={tornadoOption} name="drivers of the spread" testId="tornado-chart" /> : <p className="muted">No uncertain driver moves the total.</p>}
          <SensitivityTable result={result} />
        </div>
      </section>
    </div>
  );
}

function SensitivityTable({ result }: { result: NonNullable<ReturnType<typeof useShownForecast>>['result'] }) {
  const rows = result.sensitivity.slice(0, 8);
  if (!rows.length) return null;
  return (
    <table className="data-table compact" aria-label="Sensitivity of the total">
      <thead>
        <tr>
          <th scope="col">Driver</th>
          <th scope="col" className="num">Rank corr.</th>
          <th scope="col" className="num" title="How much the P10–P90 spread of the total shrinks if this driver were known exactly">
            Pin down: spread −
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.driver}>
            <th scope="row">{row.driver}</th>
            <td className="num">{row.rankCorrelation.toFixed(2)}</td>
            <td className="num">{row.spreadReduction !== undefined ? formatMoney(row.spreadReduction, result.currency) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
