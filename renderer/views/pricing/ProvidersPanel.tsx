/**
 * Cloud vs cloud: the same simulated GPU demand at each provider's list prices, ranked by P50,
 * with the price per GPU-hour each used and the energy and CO2e of its regions; and where the
 * scenario buys (provider and region) and which providers it compares.
 */
import { useMemo } from 'react';
import { formatMoney, formatNumber } from '../../../models/io/display-format.ts';
import { instances, providers as catalogProviders, regions as catalogRegions } from '../../../models/pricing/catalog/catalog.ts';
import type { PricingResult } from '../../../models/simulate/result.ts';
import { useAppState } from '../../app/services.ts';
import { useTheme } from '../../app/use-theme.ts';
import { Chart } from '../../charts/Chart.tsx';
import { buildRangeBarOption } from '../../charts/range-bar-chart.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import type { DocumentEdit } from '../assumptions/use-document-edit.ts';
import { compareOf, setCompared, setProviderRegion } from './pricing-edits.ts';

const DEFAULT = '';
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const tonnes = (v: number) => `${formatNumber(v, v < 10 ? 2 : 1)} t`;

/** Regions of a provider: where it sells GPUs (catalog or imported rows) and where the catalog knows the grid. */
function regionsOf(provider: string, imported: readonly { provider: string; region: string }[]): { region: string; gpus: boolean }[] {
  const withGpus = new Set([...instances, ...imported].filter((row) => same(row.provider, provider)).map((row) => row.region));
  const known = catalogRegions.filter((r) => same(r.provider, provider)).map((r) => r.region);
  return [...new Set([...withGpus, ...known])].map((region) => ({ region, gpus: withGpus.has(region) }));
}

function WhereToBuy({ document, edit }: { document: ScenarioDocument; edit: DocumentEdit }) {
  const imported = useAppState((s) => s.userPrices?.rows) ?? [];
  const pricing = (document.pricing ?? {}) as { provider?: unknown; region?: unknown };
  const provider = typeof pricing.provider === 'string' ? pricing.provider : DEFAULT;
  const region = typeof pricing.region === 'string' ? pricing.region : DEFAULT;
  const regionOptions = provider ? regionsOf(provider, imported) : [];
  return (
    <div className="where-to-buy">
      <label className="inline-field">
        <span>Provider</span>
        <select aria-label="Provider" value={provider} onChange={(event) => edit.change(`buy GPUs at ${event.target.value || 'the default provider'}`, (doc) => setProviderRegion(doc, event.target.value || undefined, undefined))}>
          <option value={DEFAULT}>default (cheapest of aws, gcp, azure)</option>
          {[...new Set([...catalogProviders(), provider].filter(Boolean))].map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      {provider ? (
        <label className="inline-field">
          <span>Region</span>
          <select aria-label="Region" value={region} onChange={(event) => edit.change(`buy GPUs in ${event.target.value || `${provider}'s cheapest region`}`, (doc) => setProviderRegion(doc, provider, event.target.value || undefined))}>
            <option value={DEFAULT}>cheapest region</option>
            {[...regionOptions, ...(region && !regionOptions.some((r) => r.region === region) ? [{ region, gpus: false }] : [])].map((r) => (
              <option key={r.region} value={r.region}>
                {r.region}
                {r.gpus ? '' : ' (no GPU prices: grid only)'}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}

function CompareChoice({ document, edit, shown }: { document: ScenarioDocument; edit: DocumentEdit; shown: readonly string[] }) {
  const imported = useAppState((s) => s.userPrices?.rows) ?? [];
  const all = [...new Set([...catalogProviders(), ...imported.map((r) => r.provider)])];
  const listed = compareOf(document);
  // Without a list the engine compares every provider offering one of the GPU types: those shown.
  const compared = new Set(listed ?? shown);
  return (
    <fieldset className="compare-choice">
      <legend>Compare</legend>
      {[...new Set([...all, ...(listed ?? [])])].map((p) => (
        <label key={p} className="inline-field">
          <input type="checkbox" aria-label={`Compare ${p}`} checked={compared.has(p)} onChange={(event) => edit.change(`${event.target.checked ? 'compare' : 'stop comparing'} ${p}`, (doc) => setCompared(doc, p, event.target.checked, shown))} />
          <span>{p}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function ProvidersPanel({ pricing, currency, document, edit }: { pricing: PricingResult; currency: string; document: ScenarioDocument | null; edit: DocumentEdit }) {
  const theme = useTheme();
  const own = typeof (document?.pricing as { provider?: unknown } | undefined)?.provider === 'string' ? String((document!.pricing as { provider: string }).provider) : null;
  const option = useMemo(
    () =>
      buildRangeBarOption({
        rows: pricing.providers.map((p) => ({ name: `${p.provider} (${p.region})`, stats: p.total, highlight: own !== null && same(p.provider, own) })),
        currency,
        theme,
        title: 'Horizon total at each provider',
        secondary: { name: 't CO2e', values: pricing.providers.map((p) => p.co2eTonnes), format: tonnes },
      }),
    [pricing, currency, theme, own],
  );
  return (
    <section className="panel" aria-labelledby="providers-title">
      <div className="panel-head">
        <h2 id="providers-title">Cloud vs cloud (list prices, no commitments)</h2>
        {document ? <WhereToBuy document={document} edit={edit} /> : null}
      </div>
      {pricing.providers.length ? (
        <>
          <Chart option={option} name="cloud vs cloud" testId="providers-chart" height={Math.max(200, 60 + pricing.providers.length * 44)} />
          <table className="data-table compact" data-testid="providers-table" aria-label="Providers ranked by P50">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Provider</th>
                <th scope="col">Region</th>
                <th scope="col" className="num">P10</th>
                <th scope="col" className="num">P50</th>
                <th scope="col" className="num">P90</th>
                <th scope="col">$ / GPU-hour used</th>
                <th scope="col" className="num">Energy</th>
                <th scope="col" className="num">CO2e</th>
              </tr>
            </thead>
            <tbody>
              {pricing.providers.map((p, i) => (
                <tr key={p.provider} data-provider={p.provider} className={own !== null && same(p.provider, own) ? 'own-provider' : undefined}>
                  <td>{i + 1}</td>
                  <th scope="row">{p.provider}</th>
                  <td>{p.region}</td>
                  <td className="num" data-stat="p10">{formatMoney(p.total.p10, currency)}</td>
                  <td className="num" data-stat="p50">{formatMoney(p.total.p50, currency)}</td>
                  <td className="num" data-stat="p90">{formatMoney(p.total.p90, currency)}</td>
                  <td>
                    <div className="gpu-prices">
                    {Object.entries(p.pricePerGpuHour ?? {}).map(([gpu, price]) => (
                      <span key={gpu} data-gpu-price={gpu}>
                        {gpu} {formatMoney(price, currency)}
                      </span>
                    ))}
                    {(p.missingGpus ?? []).map((gpu) => (
                      <span key={gpu} className="muted" title={`${p.provider} does not offer ${gpu}: the scenario's own price is used`}>
                        {gpu}: not offered
                      </span>
                    ))}
                    </div>
                  </td>
                  <td className="num">{p.energyMWh !== undefined ? `${formatNumber(p.energyMWh, 1)} MWh` : '—'}</td>
                  <td className="num" data-stat="co2e">{tonnes(p.co2eTonnes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">None of the compared providers offers these GPUs.</p>
      )}
      {document ? <CompareChoice document={document} edit={edit} shown={pricing.providers.map((p) => p.provider)} /> : null}
    </section>
  );
}
