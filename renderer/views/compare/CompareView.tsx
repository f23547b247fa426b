/**
 * Compare: the baseline against its variants — P10/P50/P90 of the total with ΔP50, ΔP90, the
 * mean change and P(cheaper); the fans overlaid per month; the change each variant makes, trial
 * by trial on common random numbers; and the variant editor. Every number is the engine's.
 */
import { useMemo, useState } from 'react';
import { useAppState } from '../../app/services.ts';
import { useTheme } from '../../app/use-theme.ts';
import { Chart } from '../../charts/Chart.tsx';
import { buildMonthlyDeltaOption, buildVariantDeltaOption, buildVariantFansOption } from '../../charts/variant-chart.ts';
import { checkDocument } from '../../document/validation.ts';
import { currentDocument } from '../../store/app-store.ts';
import { useDocumentEdit } from '../assumptions/use-document-edit.ts';
import { ResultHeader } from '../shared/ResultHeader.tsx';
import { useShownForecast, type ShownForecast } from '../shared/use-result.ts';
import { addVariant, VariantEditor } from './VariantEditor.tsx';
import { VariantTable } from './VariantTable.tsx';
import './compare.css';

function NoVariants({ onAdd }: { onAdd: () => void }) {
  return (
    <section className="panel no-variants" aria-labelledby="no-variants-title" data-testid="no-variants">
      <h2 id="no-variants-title">This scenario has no variants yet</h2>
      <p>
        A <strong>variant</strong> is a what-if: this scenario with a few fields changed — another model, another cloud, autoscaling on, a smaller
        budget. Costcast forecasts it beside the baseline on the <strong>same random numbers</strong> (common random numbers), so the difference you see
        is the effect of the change, not sampling noise, and P(cheaper) says in how many trials the variant costs less.
      </p>
      <button type="button" className="button primary" onClick={onAdd}>
        Add a variant
      </button>
    </section>
  );
}

function CompareCharts({ shown, names }: { shown: ShownForecast; names: readonly string[] }) {
  const theme = useTheme();
  const [deltaBy, setDeltaBy] = useState<'total' | 'month'>('total');
  const { result } = shown;
  // The names arrive as a new array on every render; their text is what matters.
  const nameKey = names.join('\n');
  const variants = useMemo(() => {
    const byName = new Map((result.variants ?? []).map((v) => [v.name, v]));
    return nameKey.split('\n').flatMap((name) => {
      const v = byName.get(name);
      return v ? [v] : [];
    });
  }, [result, nameKey]);

  const fans = useMemo(
    () =>
      buildVariantFansOption({
        fans: [{ name: 'Baseline', stats: result.monthly }, ...variants.flatMap((v) => (v.monthly ? [{ name: v.name, stats: v.monthly }] : []))],
        currency: result.currency,
        theme,
        title: 'Spend per month, baseline and variants',
      }),
    [result, variants, theme],
  );
  const delta = useMemo(() => {
    if (deltaBy === 'month') {
      const monthly = variants.flatMap((v) => (v.monthlyDelta ? [{ name: v.name, monthly: v.monthlyDelta }] : []));
      return monthly.length ? buildMonthlyDeltaOption({ variants: monthly, currency: result.currency, theme }) : null;
    }
    const totals = variants.flatMap((v) =>
      v.delta ? [{ name: v.name, delta: v.delta, ...(v.probabilityCheaper !== undefined ? { probabilityCheaper: v.probabilityCheaper } : {}), ...(v.deltaStdError !== undefined ? { deltaStdError: v.deltaStdError } : {}) }] : [],
    );
    return totals.length ? buildVariantDeltaOption({ variants: totals, currency: result.currency, theme }) : null;
  }, [result, variants, theme, deltaBy]);

  if (!variants.length) return null;
  return (
    <div className="panel-row compare-charts">
      <section className="panel" aria-labelledby="fans-title">
        <div className="panel-head">
          <h2 id="fans-title">Spend per month (P50 and P10–P90)</h2>
        </div>
        <Chart option={fans} name="baseline and variants per month" testId="variant-fans-chart" />
      </section>
      <section className="panel" aria-labelledby="delta-title">
        <div className="panel-head">
          <h2 id="delta-title">Change against the baseline, trial by trial</h2>
          <div className="segmented" role="group" aria-label="Change of the total or per month">
            <button type="button" aria-pressed={deltaBy === 'total'} onClick={() => setDeltaBy('total')}>
              Horizon total
            </button>
            <button type="button" aria-pressed={deltaBy === 'month'} onClick={() => setDeltaBy('month')}>
              Per month
            </button>
          </div>
        </div>
        {delta ? <Chart option={delta} name={deltaBy === 'total' ? 'change of the total per variant' : 'change per month per variant'} testId="variant-delta-chart" /> : null}
        <p className="muted chart-note">
          Below zero the variant is cheaper. The bars are percentiles of the change itself (variant − baseline in the same trial); its P50 is the typical change, which need not equal ΔP50.
        </p>
      </section>
    </div>
  );
}

export function CompareView() {
  const document = useAppState(currentDocument);
  const setView = useAppState((s) => s.setView);
  const shown = useShownForecast();
  const edit = useDocumentEdit();
  if (!document) return null;
  const check = checkDocument(document);
  const variants = Array.isArray(document.variants) ? (document.variants as unknown[]) : [];
  const names = variants.map((v) => (v !== null && typeof v === 'object' && 'name' in v ? String((v as { name: unknown }).name) : ''));
  const variantErrors = check.errors.filter((issue) => issue.pathKeys?.[0] === 'variants').length;
  const otherErrors = check.errors.length - variantErrors;

  return (
    <div className="compare-view">
      {shown ? <ResultHeader shown={shown} title="Compare" /> : <h1>Compare</h1>}
      {check.errors.length ? (
        <p className="compare-blocked" role="status">
          The forecast waits until {check.errors.length === 1 ? 'a problem is' : `${check.errors.length} problems are`} fixed
          {variantErrors ? ` (${variantErrors} in the variants below)` : ''}.{' '}
          {otherErrors ? (
            <button type="button" className="link-button" onClick={() => setView('assumptions')}>
              Show the assumptions
            </button>
          ) : null}
        </p>
      ) : null}
      {variants.length === 0 ? (
        <NoVariants onAdd={() => addVariant(document, edit)} />
      ) : shown ? (
        <>
          <section className="panel" aria-labelledby="variant-table-title">
            <h2 id="variant-table-title">Horizon total</h2>
            <VariantTable result={shown.result} names={names} />
          </section>
          <CompareCharts shown={shown} names={names} />
        </>
      ) : (
        <p className="muted">Computing the preview…</p>
      )}
      {variants.length ? <VariantEditor document={document} issues={check.errors} edit={edit} /> : null}
    </div>
  );
}
