/**
 * Where the prices come from: the catalog's as-of date (with a warning when it is more than six
 * months old) and the user's own price file — imported through the platform's file picker,
 * checked row by row, listed, and removable. A refused file changes nothing.
 */
import { useState } from 'react';
import { formatMoney } from '../../../models/io/display-format.ts';
import { catalogAsOf, instances } from '../../../models/pricing/catalog/catalog.ts';
import { instanceKey } from '../../../models/pricing/catalog/instance-catalog.ts';
import { USER_PRICE_CSV_HEADER, type UserPriceError } from '../../../models/pricing/user-prices.ts';
import { useAppState, useServices } from '../../app/services.ts';
import { isStale, monthsOld, STALE_AFTER_MONTHS, todayIso } from './catalog-age.ts';
import { describePriceError, readPriceFile } from './price-import.ts';

const bundledKeys = new Set(instances.map(instanceKey));
const perGpu = (v: number | null) => (v === null ? '—' : formatMoney(v, 'USD'));

function ImportedPrices() {
  const prices = useAppState((s) => s.userPrices);
  const setUserPrices = useAppState((s) => s.setUserPrices);
  if (!prices) return null;
  return (
    <div className="imported-prices">
      <div className="panel-head">
        <h3>
          Imported from {prices.fileName} ({prices.rows.length} row{prices.rows.length === 1 ? '' : 's'}, used in every run)
        </h3>
        <button type="button" className="button small danger" onClick={() => setUserPrices(null)}>
          Remove imported prices
        </button>
      </div>
      <table className="data-table compact" data-testid="imported-prices" aria-label="Imported prices">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Region</th>
            <th scope="col">Instance</th>
            <th scope="col">GPU</th>
            <th scope="col" className="num">On-demand $/GPU-h</th>
            <th scope="col" className="num">Spot</th>
            <th scope="col" className="num">1y</th>
            <th scope="col" className="num">3y</th>
            <th scope="col">As of</th>
            <th scope="col">Catalog row</th>
          </tr>
        </thead>
        <tbody>
          {prices.rows.map((row) => (
            <tr key={instanceKey(row)}>
              <td>{row.provider}</td>
              <td>{row.region}</td>
              <td>{row.instanceType}</td>
              <td>
                {row.gpu} × {row.gpuCount}
              </td>
              <td className="num">{perGpu(row.onDemandPerGpuHour)}</td>
              <td className="num">{perGpu(row.spotPerGpuHour)}</td>
              <td className="num">{perGpu(row.committed1yPerGpuHour)}</td>
              <td className="num">{perGpu(row.committed3yPerGpuHour)}</td>
              <td>{row.asOf}</td>
              <td>{bundledKeys.has(instanceKey(row)) ? 'replaced' : 'added'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CatalogPanel({ asOf }: { asOf: string | undefined }) {
  const { platform, store } = useServices();
  const [refused, setRefused] = useState<{ fileName: string; errors: UserPriceError[] } | null>(null);
  const range = catalogAsOf();
  const shownAsOf = asOf ?? range.newest;
  const today = todayIso();
  const stale = isStale(shownAsOf, today);
  const staleRowsBefore = isStale(range.oldest, today) ? range.oldest : null;

  const importPrices = async () => {
    let file: { name: string; bytes: Uint8Array } | null;
    try {
      file = await platform.openDataFile();
    } catch (error) {
      store.getState().notify('error', `The price file could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!file) return;
    const read = readPriceFile(file, today);
    if (!read.ok) {
      setRefused({ fileName: read.fileName, errors: read.errors });
      return;
    }
    setRefused(null);
    store.getState().setUserPrices({ fileName: read.fileName, rows: read.rows });
    store.getState().notify('info', `Imported ${read.rows.length} price${read.rows.length === 1 ? '' : 's'} from ${read.fileName}; the forecast now uses them.`);
  };

  return (
    <section className="panel" aria-labelledby="catalog-title">
      <div className="panel-head">
        <h2 id="catalog-title">Price catalog</h2>
        <button type="button" className="button" onClick={() => void importPrices()}>
          Import prices (CSV)…
        </button>
      </div>
      <p data-testid="catalog-as-of" data-as-of={shownAsOf}>
        Bundled prices as of <strong>{shownAsOf}</strong>
        {range.oldest && range.oldest !== shownAsOf ? <> (oldest row {range.oldest})</> : null}.
      </p>
      {stale ? (
        <p className="catalog-stale" role="alert" data-testid="catalog-stale">
          These prices are {monthsOld(shownAsOf, today)} months old (more than {STALE_AFTER_MONTHS}): cloud prices change often. Import your own prices or update the catalog before deciding.
        </p>
      ) : staleRowsBefore ? (
        <p className="muted">Some rows date from {staleRowsBefore}, more than {STALE_AFTER_MONTHS} months ago.</p>
      ) : null}
      <p className="muted small-print">
        A price file is CSV with the columns <code>{USER_PRICE_CSV_HEADER}</code> (prices in USD per instance-hour; see docs/price-catalog.md). A row with a catalog row’s provider, region and
        instance type replaces it; other rows are added.
      </p>
      {refused ? (
        <div className="price-errors" role="alert" data-testid="price-errors">
          <strong>
            {refused.fileName} was not imported: {refused.errors.length} problem{refused.errors.length === 1 ? '' : 's'}. The scenario and its prices are unchanged.
          </strong>
          <ul>
            {refused.errors.map((error, i) => (
              <li key={i}>{describePriceError(error)}</li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setRefused(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      <ImportedPrices />
    </section>
  );
}
