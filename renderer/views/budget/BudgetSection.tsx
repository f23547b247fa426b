/**
 * Budget risk: whether and when spend crosses the budget — P(over budget) and the expected
 * overrun, the cumulative spend fan against the budget line, the probability of overrun by
 * month with the first-breach distribution, threshold alerts and per-tag budgets — and the
 * budget itself, edited here.
 */
import { useMemo } from 'react';
import { formatMoney, formatNumber, formatPercent } from '../../../models/io/display-format.ts';
import type { BudgetResult, ForecastResult } from '../../../models/simulate/result.ts';
import { useTheme } from '../../app/use-theme.ts';
import { Chart } from '../../charts/Chart.tsx';
import { buildFanChartOption } from '../../charts/fan-chart.ts';
import { buildMonthProbabilityOption } from '../../charts/month-probability-chart.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import type { DocumentEdit } from '../assumptions/use-document-edit.ts';
import { addBudget, roundBudget } from './budget-edits.ts';
import { BudgetEditor } from './BudgetEditor.tsx';
import { monthName } from './month-name.ts';

function Kpis({ budget, result }: { budget: BudgetResult; result: ForecastResult }) {
  const money = (v: number) => formatMoney(v, result.currency);
  const breach = budget.firstBreachMonth;
  return (
    <section className="kpis" aria-label="Budget headline">
      <div className={`kpi ${budget.probabilityOfExceeding > 0.2 ? 'kpi-bad' : ''}`} data-testid="kpi-overrun-probability">
        <span className="kpi-label">P(over budget)</span>
        <span className="kpi-value">{formatPercent(budget.probabilityOfExceeding)}</span>
        <span className="kpi-sub">horizon total above {money(budget.amount)}</span>
      </div>
      <div className="kpi" data-testid="kpi-expected-overrun">
        <span className="kpi-label">Expected overrun</span>
        <span className="kpi-value">{money(budget.expectedOverrun)}</span>
        <span className="kpi-sub">mean of the amount over budget (0 when under)</span>
      </div>
      <div className="kpi" data-testid="kpi-breach">
        <span className="kpi-label">First breach</span>
        <span className="kpi-value">{breach ? monthName(result, breach.p50) : 'none'}</span>
        <span className="kpi-sub">
          {breach
            ? `P50 month of the ${formatPercent(budget.probabilityOfBreach)} of trials whose cumulative spend crosses the budget`
            : 'no trial crosses the cumulative budget'}
        </span>
      </div>
    </section>
  );
}

function Thresholds({ budget, result }: { budget: BudgetResult; result: ForecastResult }) {
  const rows = budget.thresholds ?? [];
  if (!rows.length) return null;
  return (
    <table className="data-table compact" data-testid="thresholds-table" aria-label="Threshold alerts">
      <thead>
        <tr>
          <th scope="col">Alert at</th>
          <th scope="col" className="num" title="Probability that cumulative spend reaches this share of the cumulative budget within the horizon">P(reached)</th>
          <th scope="col" title="Earliest month by which at least half of the trials have reached it">Likely by</th>
          <th scope="col" title="Median first month among the trials that reach it">First reached (P50 of those)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.level} data-level={t.level} className={t.probability >= 0.5 ? 'alert-likely' : undefined}>
            <th scope="row">{formatPercent(t.level, 0)} of budget</th>
            <td className="num" data-field="probability">{formatPercent(t.probability)}</td>
            <td data-field="likelyMonth">{t.likelyMonth !== null ? monthName(result, t.likelyMonth) : 'not within the horizon'}</td>
            <td>{t.firstMonth ? monthName(result, t.firstMonth.p50) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TagBudgets({ budget, result }: { budget: BudgetResult; result: ForecastResult }) {
  const rows = budget.byTag ?? [];
  if (!rows.length) return null;
  const money = (v: number) => formatMoney(v, result.currency);
  return (
    <table className="data-table compact" data-testid="tag-budgets-table" aria-label="Budgets by tag">
      <thead>
        <tr>
          <th scope="col">Tag</th>
          <th scope="col" className="num">Budget</th>
          <th scope="col" className="num">P(over)</th>
          <th scope="col" className="num">Expected overrun</th>
          <th scope="col" className="num">P(breach)</th>
          <th scope="col">First breach (P50)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={`${b.tag}=${b.value}`} data-tag={b.tag} data-tag-value={b.value}>
            <th scope="row">
              {b.tag} = {b.value}
            </th>
            <td className="num">{money(b.amount)}</td>
            <td className="num" data-field="probabilityOfExceeding">{formatPercent(b.probabilityOfExceeding)}</td>
            <td className="num" data-field="expectedOverrun">{money(b.expectedOverrun)}</td>
            <td className="num">{formatPercent(b.probabilityOfBreach)}</td>
            <td>{b.firstBreachMonth ? monthName(result, b.firstBreachMonth.p50) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BudgetSection({ result, document, edit }: { result: ForecastResult; document: ScenarioDocument | null; edit: DocumentEdit }) {
  const theme = useTheme();
  const budget = result.budget;
  const fan = useMemo(
    () => (budget && result.cumulative ? buildFanChartOption({ stats: result.cumulative, currency: result.currency, theme, budget: budget.cumulativeBudget ?? null, title: 'Cumulative spend against the budget' }) : null),
    [budget, result, theme],
  );
  const risk = useMemo(
    () =>
      budget?.probabilityOverByMonth && budget.firstBreachHistogram
        ? buildMonthProbabilityOption({
            months: result.months,
            first: { name: 'First breach in this month', values: budget.firstBreachHistogram },
            byMonth: { name: 'P(over budget) at month end', values: budget.probabilityOverByMonth },
            theme,
            title: 'Probability of overrun by month',
          })
        : null,
    [budget, result, theme],
  );

  if (!budget) {
    return (
      <section className="panel budget-none" data-testid="budget-none">
        <h2>No budget yet</h2>
        <p>
          With a budget the forecast says how likely the spend is to exceed it, by how much on average, in which month cumulative spend would cross it, and when each alert threshold
          (80 % and 100 % of the budget by default) is likely to be reached. Budgets can be for the whole horizon or per month, and per team, product or environment tag.
        </p>
        <button type="button" className="button primary" disabled={!document} onClick={() => edit.change('add a budget', (doc) => addBudget(doc, roundBudget(result.total.p90)))}>
          Add a budget
        </button>{' '}
        <span className="muted">starts at {formatMoney(roundBudget(result.total.p90), result.currency)}, about the P90 of the total; change it below once added.</span>
      </section>
    );
  }

  return (
    <>
      <Kpis budget={budget} result={result} />
      <div className="panel-row">
        <section className="panel" aria-labelledby="cumulative-title">
          <div className="panel-head">
            <h2 id="cumulative-title">Cumulative spend against the budget</h2>
          </div>
          {fan ? <Chart option={fan} name="cumulative spend against the budget" testId="cumulative-budget-chart" /> : null}
        </section>
        <section className="panel" aria-labelledby="risk-title">
          <div className="panel-head">
            <h2 id="risk-title">When the budget is crossed</h2>
            <span className="muted">P(breach within the horizon) {formatPercent(budget.probabilityOfBreach)}</span>
          </div>
          {risk ? <Chart option={risk} name="probability of overrun by month" testId="overrun-chart" /> : null}
        </section>
      </div>
      <div className="panel-row">
        <section className="panel" aria-labelledby="alerts-title">
          <div className="panel-head">
            <h2 id="alerts-title">Threshold alerts</h2>
          </div>
          <Thresholds budget={budget} result={result} />
          {budget.byTag?.length ? (
            <>
              <h3 className="budget-subhead">Budgets by tag</h3>
              <TagBudgets budget={budget} result={result} />
            </>
          ) : null}
        </section>
        {document ? <BudgetEditor document={document} edit={edit} amountHint={`over ${formatNumber(result.months.length)} months`} /> : null}
      </div>
    </>
  );
}
