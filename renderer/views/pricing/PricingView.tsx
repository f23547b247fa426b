/**
 * Pricing: the scenario's GPU demand priced by strategy (on-demand, committed, spot, plan,
 * optimal), the commitment curve and recommendations, cloud vs cloud, the GPU-hour demand and
 * the price catalog with the user's own prices. Every number comes from the engine's result;
 * commitments, spot and provider choices edit the scenario as undoable steps.
 */
import { formatMoney, formatNumber } from '../../../models/io/display-format.ts';
import type { PricingResult, Stats } from '../../../models/simulate/result.ts';
import { useAppState } from '../../app/services.ts';
import { currentDocument } from '../../store/app-store.ts';
import { useDocumentEdit } from '../assumptions/use-document-edit.ts';
import { EmptyResult } from '../shared/EmptyResult.tsx';
import { ResultHeader } from '../shared/ResultHeader.tsx';
import { useShownForecast } from '../shared/use-result.ts';
import { CatalogPanel } from './CatalogPanel.tsx';
import { CommitmentPanel } from './CommitmentPanel.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { ProvidersPanel } from './ProvidersPanel.tsx';
import { STRATEGY_LABELS, StrategiesPanel } from './StrategiesPanel.tsx';
import './pricing.css';

function GpuHoursTable({ gpuHours }: { gpuHours: Record<string, Stats> }) {
  const columns: (keyof Stats)[] = ['p10', 'p50', 'p90', 'mean'];
  return (
    <table className="data-table compact" data-testid="gpu-hours-table" aria-label="GPU-hour demand over the horizon">
      <thead>
        <tr>
          <th scope="col">GPU</th>
          {columns.map((c) => (
            <th key={c} scope="col" className="num">
              {c === 'mean' ? 'Mean' : c.toUpperCase()}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Object.entries(gpuHours).map(([gpu, stats]) => (
          <tr key={gpu} data-gpu={gpu}>
            <th scope="row">{gpu}</th>
            {columns.map((c) => (
              <td key={c} className="num" data-stat={c}>
                {formatNumber(stats[c])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PricingKpis({ pricing, currency }: { pricing: PricingResult; currency: string }) {
  const pick = (name: 'plan' | 'optimal') => pricing.strategies.find((s) => s.name === name);
  const cheapest = pricing.providers[0];
  return (
    <section className="kpis" aria-label="Pricing headline">
      {(['optimal', 'plan'] as const).map((name) => {
        const s = pick(name);
        return s ? (
          <div key={name} className="kpi" data-testid={`kpi-${name}`}>
            <span className="kpi-label">{STRATEGY_LABELS[name]} P50</span>
            <span className="kpi-value">{formatMoney(s.total.p50, currency)}</span>
            <span className="kpi-sub">saves {formatMoney(s.savingVsOnDemand ?? 0, currency)} on average against on-demand</span>
          </div>
        ) : null;
      })}
      {cheapest ? (
        <div className="kpi" data-testid="kpi-cheapest-provider">
          <span className="kpi-label">Cheapest cloud (list prices)</span>
          <span className="kpi-value">{cheapest.provider}</span>
          <span className="kpi-sub">
            P50 {formatMoney(cheapest.total.p50, currency)} in {cheapest.region}
          </span>
        </div>
      ) : null}
    </section>
  );
}

function NoGpuWorkloads() {
  const setView = useAppState((s) => s.setView);
  return (
    <section className="panel no-gpu" data-testid="pricing-none">
      <h2>No GPU workloads to price</h2>
      <p>
        Pricing strategies, commitments, spot and the cloud-vs-cloud comparison apply to GPU-hours, and no workload of this scenario uses GPUs: its LLM API calls are priced per token
        from the catalog, and fixed, formula and storage costs do not depend on where GPUs are bought.
      </p>
      <p>
        Add a <strong>gpu-inference</strong>, <strong>training</strong> or <strong>experiments</strong> workload to compare on-demand, committed and spot prices and the clouds.{' '}
        <button type="button" className="link-button" onClick={() => setView('assumptions')}>
          Go to the workloads
        </button>
      </p>
    </section>
  );
}

export function PricingView() {
  const shown = useShownForecast();
  const document = useAppState(currentDocument);
  const edit = useDocumentEdit();
  if (!shown) return <EmptyResult title="Pricing" />;
  const { result } = shown;
  const pricing = result.pricing;
  return (
    <div className="pricing-view">
      <ResultHeader shown={shown} title="Pricing" />
      {pricing ? (
        <>
          <PricingKpis pricing={pricing} currency={result.currency} />
          <StrategiesPanel pricing={pricing} currency={result.currency} />
          <div className="panel-row">
            <CommitmentPanel pricing={pricing} currency={result.currency} edit={edit} />
            {document ? <PlanEditor document={document} edit={edit} /> : null}
          </div>
          <ProvidersPanel pricing={pricing} currency={result.currency} document={document} edit={edit} />
          {pricing.gpuHours ? (
            <section className="panel" aria-labelledby="gpu-hours-title">
              <div className="panel-head">
                <h2 id="gpu-hours-title">GPU-hour demand over the horizon</h2>
                <span className="muted">all GPU workloads of a type draw from the same commitment</span>
              </div>
              <GpuHoursTable gpuHours={pricing.gpuHours} />
            </section>
          ) : null}
        </>
      ) : (
        <NoGpuWorkloads />
      )}
      <CatalogPanel asOf={pricing?.asOf} />
    </div>
  );
}
