/**
 * The fitted trend of the chosen series: model choice (auto weighs linear, exponential and
 * logistic by AICc), the months fitted, the history with the fit and its projected P10–P90 and
 * P25–P75 bands up to the end of the forecast, and the fit's statistics as the engine reports them.
 */
import { useMemo } from 'react';
import { formatNumber, formatPercent } from '../../../models/io/display-format.ts';
import type { TrendFit, TrendModelChoice, TrendModelFit } from '../../../models/drivers/trend.ts';
import { useTheme } from '../../app/use-theme.ts';
import { Chart } from '../../charts/Chart.tsx';
import { buildTrendFitOption } from '../../charts/trend-fit-chart.ts';
import type { ImportedSeries, TrendOutcome, TrendRequest } from '../../forecast/data-import.ts';
import { monthsBefore, type MonthRun } from './series-months.ts';

const MODELS: readonly { id: TrendModelChoice; text: string }[] = [
  { id: 'auto', text: 'Auto (AICc)' },
  { id: 'linear', text: 'Linear' },
  { id: 'exponential', text: 'Exponential' },
  { id: 'logistic', text: 'Logistic' },
];

const NOISE_WORDS = { independent: 'independent', ar1: 'AR(1), persisting' } as const;

/** A parameter as the fit reports it, with what it means. */
function parameterRows(fit: TrendModelFit): [string, string][] {
  const p = fit.params;
  const number = (value: number | undefined, digits = 2) => (value === undefined ? 'n/a' : formatNumber(value, Math.abs(value) >= 1000 ? 0 : digits));
  switch (fit.model) {
    case 'linear':
      return [
        ['a (value at the first month)', number(p.a)],
        ['b (change per month)', number(p.b)],
      ];
    case 'exponential':
      return [
        ['a, b (log value = a + b·month)', `${number(p.a, 4)}, ${number(p.b, 4)}`],
        ['growth per month', p.growthPerMonth === undefined ? 'n/a' : formatPercent(p.growthPerMonth, 2)],
      ];
    case 'logistic':
      return [
        ['K (ceiling)', number(p.K)],
        ['r (growth rate per month)', number(p.r, 4)],
        ['t0 (midpoint, months from the first)', number(p.t0, 1)],
      ];
  }
}

function FitStatistics({ fit }: { fit: TrendFit }) {
  const residual = fit.residualScale === 'log' ? `${formatNumber(fit.residualSd, 4)} on log values (≈ ${formatPercent(fit.residualSd)} of the level)` : formatNumber(fit.residualSd, 2);
  return (
    <div className="fit-statistics" data-testid="fit-statistics">
      <table className="data-table compact">
        <caption className="visually-hidden">The chosen fit</caption>
        <tbody>
          <tr>
            <th scope="row">model</th>
            <td data-stat="model">
              {fit.model}, {NOISE_WORDS[fit.noise]} deviations{fit.choice === 'auto' ? ' — lowest AICc' : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">months fitted</th>
            <td>{fit.n}</td>
          </tr>
          {parameterRows(fit).map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{value}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">residual sd</th>
            <td className="num" data-stat="residual-sd">
              {residual}
            </td>
          </tr>
          {fit.noise === 'ar1' ? (
            <tr>
              <th scope="row">autocorrelation ρ</th>
              <td className="num">
                {formatNumber(fit.autocorrelation, 2)} ± {formatNumber(fit.autocorrelationSd, 2)}
              </td>
            </tr>
          ) : null}
          <tr>
            <th scope="row">AICc</th>
            <td className="num" data-stat="aicc">
              {formatNumber(fit.aicc, 1)}
            </td>
          </tr>
        </tbody>
      </table>
      <table className="data-table compact candidates-table" data-testid="fit-candidates">
        <caption>Every candidate, best first (the projection mixes them by weight)</caption>
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">deviations</th>
            <th scope="col" className="num">
              AICc
            </th>
            <th scope="col" className="num">
              weight
            </th>
          </tr>
        </thead>
        <tbody>
          {fit.candidates.map((c) => (
            <tr key={`${c.model}-${c.noise}`}>
              <td>{c.model}</td>
              <td>{NOISE_WORDS[c.noise]}</td>
              <td className="num">{formatNumber(c.aicc, 1)}</td>
              <td className="num">{formatPercent(c.weight)}</td>
            </tr>
          ))}
          {fit.skipped.map((s) => (
            <tr key={`${s.model}-${s.noise}-skipped`} className="muted">
              <td>{s.model}</td>
              <td>{NOISE_WORDS[s.noise]}</td>
              <td colSpan={2}>not fitted: {s.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface TrendPanelProps {
  series: ImportedSeries;
  run: MonthRun;
  model: TrendModelChoice;
  trend: TrendOutcome | null;
  trendRequest: TrendRequest | null;
  currency: string | null;
  forecastStart: string | null;
  fitting: boolean;
  onModel: (model: TrendModelChoice) => void;
  onFitFrom: (month: string) => void;
}

export function TrendPanel({ series, run, model, trend, trendRequest, currency, forecastStart, fitting, onModel, onFitFrom }: TrendPanelProps) {
  const theme = useTheme();
  // The answer belongs to this series only when the request was for it.
  const current = trend && trendRequest?.series === series.name ? trend : null;
  const option = useMemo(() => {
    if (!trendRequest || trendRequest.series !== series.name) return null;
    const history = trendRequest.months.map((month, i) => ({ month, value: trendRequest.values[i] ?? Number.NaN }));
    return buildTrendFitOption({
      history,
      earlier: monthsBefore(series.values, trendRequest.months[0] ?? null),
      fitted: current?.ok ? current.fitted : null,
      projection: current?.ok ? current.projection : [],
      currency: currency !== null && series.kind !== 'usage' ? currency : null,
      forecastStart,
      seriesName: series.name,
      theme,
    });
  }, [trendRequest, current, series, currency, forecastStart, theme]);

  return (
    <section className="panel" aria-labelledby="trend-title" data-testid="trend-panel" aria-busy={fitting}>
      <div className="panel-head">
        <h2 id="trend-title">Trend of {series.name}</h2>
        <div className="segmented" role="group" aria-label="Trend model">
          {MODELS.map((m) => (
            <button key={m.id} type="button" aria-pressed={model === m.id} onClick={() => onModel(m.id)}>
              {m.text}
            </button>
          ))}
        </div>
      </div>
      <div className="value-editor-row fit-range">
        <label className="inline-field">
          <span>Fit from</span>
          <select value={run.months[0] ?? ''} onChange={(event) => onFitFrom(event.target.value)} aria-label="First month fitted">
            {run.starts.map((month) => (
              <option key={month} value={month}>
                {month}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {run.months.length} month{run.months.length === 1 ? '' : 's'} fitted{run.months.length ? `, ${run.months[0]} to ${run.months[run.months.length - 1]}` : ''}
          {run.leftOut ? ` (${run.leftOut} earlier month${run.leftOut === 1 ? '' : 's'} left out${run.missing.length ? `: the series misses ${run.missing.join(', ')}` : ''})` : ''}
        </span>
        {fitting ? <span className="muted">fitting…</span> : null}
      </div>
      {current && !current.ok ? (
        <p className="issue fit-error" role="alert" data-testid="fit-error">
          {current.error.message}
        </p>
      ) : null}
      {option ? <Chart option={option} name={`trend of ${series.name}`} testId="trend-chart" height={340} /> : null}
      {current?.ok ? <FitStatistics fit={current.fit} /> : null}
    </section>
  );
}
