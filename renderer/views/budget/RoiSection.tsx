/**
 * Return on the spend: ROI, NPV and payback as distributions over the trials, and the value
 * the AI creates (a monthly driver) with the discount rate, edited here.
 */
import { useMemo } from 'react';
import { formatMoney, formatPercent } from '../../../models/io/display-format.ts';
import type { ForecastResult, RoiResult } from '../../../models/simulate/result.ts';
import { useTheme } from '../../app/use-theme.ts';
import { Chart } from '../../charts/Chart.tsx';
import { buildDistributionOption } from '../../charts/distribution-chart.ts';
import { buildMonthProbabilityOption } from '../../charts/month-probability-chart.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { DriverValueEditor } from '../assumptions/DriverValueEditor.tsx';
import { NumberField } from '../assumptions/fields.tsx';
import type { DocumentEdit } from '../assumptions/use-document-edit.ts';
import { addValue } from './budget-edits.ts';
import { monthName } from './month-name.ts';
import { isJsonObject } from '../../../models/scenario/json-pointer.ts';


function RoiKpis({ roi, result }: { roi: RoiResult; result: ForecastResult }) {
  const money = (v: number) => formatMoney(v, result.currency);
  return (
    <section className="kpis" aria-label="Return headline">
      <div className={`kpi ${roi.probabilityPositive < 0.5 ? 'kpi-bad' : ''}`} data-testid="kpi-roi">
        <span className="kpi-label">ROI (P50)</span>
        <span className="kpi-value">{formatPercent(roi.roi.p50)}</span>
        <span className="kpi-sub">
          80 % between {formatPercent(roi.roi.p10)} and {formatPercent(roi.roi.p90)}; P(ROI &gt; 0) {formatPercent(roi.probabilityPositive)}
        </span>
      </div>
      <div className="kpi" data-testid="kpi-npv">
        <span className="kpi-label">NPV (P50)</span>
        <span className="kpi-value">{money(roi.npv.p50)}</span>
        <span className="kpi-sub">
          80 % between {money(roi.npv.p10)} and {money(roi.npv.p90)}
        </span>
      </div>
      <div className="kpi" data-testid="kpi-payback">
        <span className="kpi-label">Payback</span>
        <span className="kpi-value">{roi.paybackMonth ? monthName(result, roi.paybackMonth.p50) : 'none'}</span>
        <span className="kpi-sub">
          {formatPercent(roi.probabilityOfPayback)} of trials pay back within the horizon{roi.paybackMonth ? ' (P50 month of those)' : ''}
        </span>
      </div>
      <div className="kpi" data-testid="kpi-value">
        <span className="kpi-label">Value created (P50)</span>
        <span className="kpi-value">{money(roi.value.p50)}</span>
        <span className="kpi-sub">net of cost: {money(roi.net.p50)} (P50)</span>
      </div>
    </section>
  );
}

function ValueEditor({ document, edit }: { document: ScenarioDocument; edit: DocumentEdit }) {
  const value = isJsonObject(document.value) ? document.value : null;
  if (!value) return null;
  const historyNames = isJsonObject(document.history) ? Object.keys(document.history) : [];
  const rate = typeof value.discountRate === 'number' ? value.discountRate : undefined;
  return (
    <section className="panel" aria-labelledby="value-editor-title" data-testid="value-editor">
      <div className="panel-head">
        <h2 id="value-editor-title">The value</h2>
      </div>
      <div className="value-fields">
        <span className="param">value per month (revenue, savings)</span>
        <DriverValueEditor pointer="/value/monthly" value={value.monthly} label="Value per month" edit={edit} historyNames={historyNames} />
        <label className="param">
          <span>discount rate (% a year)</span>
          <NumberField
            label="Discount rate (% a year)"
            optional
            placeholder="10"
            value={rate === undefined ? undefined : Number((rate * 100).toPrecision(10))}
            onCommit={(v) => (v === undefined ? edit.remove('/value/discountRate', 'use the default discount rate') : edit.set('/value/discountRate', Number((v / 100).toPrecision(10)), 'change the discount rate'))}
          />
        </label>
      </div>
      <p className="muted small-print">NPV discounts each month’s value minus cost at the monthly rate equivalent to this yearly rate, at the end of the month.</p>
    </section>
  );
}

export function RoiSection({ result, document, edit }: { result: ForecastResult; document: ScenarioDocument | null; edit: DocumentEdit }) {
  const theme = useTheme();
  const roi = result.roi;
  const roiChart = useMemo(
    () => (roi?.distributions ? buildDistributionOption({ shape: roi.distributions.roi, theme, currency: null, percent: true, marker: { value: 0, label: 'break-even', probabilityAbove: roi.probabilityPositive }, title: 'Distribution of the ROI' }) : null),
    [roi, theme],
  );
  const npvChart = useMemo(
    () => (roi?.distributions ? buildDistributionOption({ shape: roi.distributions.npv, theme, currency: result.currency, marker: { value: 0, label: 'NPV 0' }, title: 'Distribution of the NPV' }) : null),
    [roi, theme, result.currency],
  );
  const paybackChart = useMemo(
    () =>
      roi?.paybackHistogram && roi.probabilityOfPaybackByMonth
        ? buildMonthProbabilityOption({
            months: result.months,
            first: { name: 'Pays back in this month', values: roi.paybackHistogram },
            byMonth: { name: 'P(paid back) by month end', values: roi.probabilityOfPaybackByMonth },
            theme,
            title: 'Payback month',
            tone: 'good',
          })
        : null,
    [roi, theme, result.months],
  );

  if (!roi) {
    return (
      <section className="panel roi-none" data-testid="roi-none">
        <h2>No value yet, so no ROI</h2>
        <p>
          ROI, NPV and payback compare the spend with the value it creates each month — revenue, hours saved, contacts deflected — written as a driver or a formula over the drivers (for
          example <code>requests * value_per_request</code>), with a yearly discount rate for NPV.
        </p>
        <button type="button" className="button" disabled={!document} onClick={() => edit.change('add a value for ROI', (doc) => addValue(doc))}>
          Add a value
        </button>
      </section>
    );
  }
  return (
    <>
      <RoiKpis roi={roi} result={result} />
      <div className="panel-row">
        <section className="panel" aria-labelledby="roi-dist-title">
          <div className="panel-head">
            <h2 id="roi-dist-title">ROI</h2>
            <span className="muted">(value − cost) / cost over the horizon</span>
          </div>
          {roiChart ? <Chart option={roiChart} name="distribution of the ROI" testId="roi-chart" height={260} /> : null}
        </section>
        <section className="panel" aria-labelledby="npv-dist-title">
          <div className="panel-head">
            <h2 id="npv-dist-title">NPV</h2>
            <span className="muted">discounted value − cost</span>
          </div>
          {npvChart ? <Chart option={npvChart} name="distribution of the NPV" testId="npv-chart" height={260} /> : null}
        </section>
      </div>
      <div className="panel-row">
        <section className="panel" aria-labelledby="payback-title">
          <div className="panel-head">
            <h2 id="payback-title">Payback</h2>
            <span className="muted">first month cumulative value covers cumulative cost</span>
          </div>
          {paybackChart ? <Chart option={paybackChart} name="payback month" testId="payback-chart" height={260} /> : null}
        </section>
        {document ? <ValueEditor document={document} edit={edit} /> : null}
      </div>
    </>
  );
}
