/**
 * What the import found: the monthly series (for a FOCUS bill: the total, by service, category,
 * provider and tag, credits and tax, usage by unit), what the importer reports — gaps,
 * duplicate rows, partial months, warnings — and the months of the chosen series.
 */
import { formatMoney, formatNumber } from '../../../models/io/display-format.ts';
import type { FocusSeriesKind } from '../../../models/io/focus-import.ts';
import type { ImportedSeries, SeriesImport } from '../../forecast/data-import.ts';

/** How the Data view shows a value of a series: money for a bill's cost series, else a number (cents only when not whole). */
export function seriesValueText(value: number, series: ImportedSeries, currency: string | null): string {
  if (currency !== null && series.kind !== 'usage') return formatMoney(value, currency);
  return formatNumber(value, Number.isInteger(value) ? 0 : 2);
}

const KIND_TITLES: Record<FocusSeriesKind | 'usage', string> = {
  total: 'Total (usage and purchases)',
  charge: 'Credits, tax and adjustments',
  service: 'By service',
  category: 'By service category',
  provider: 'By provider',
  tag: 'By tag',
  usage: 'Usage',
};
const KIND_ORDER: (FocusSeriesKind | 'usage')[] = ['total', 'charge', 'service', 'category', 'provider', 'tag', 'usage'];

export function ImportReport({ imported }: { imported: SeriesImport }) {
  const facts: string[] = [];
  facts.push(`${imported.rowsUsed.toLocaleString('en-US')} rows used`);
  if (imported.granularity) facts.push(`${imported.granularity} data`);
  if (imported.aggregate) facts.push(`months are the ${imported.aggregate === 'last' ? 'last value' : imported.aggregate} of their dates`);
  if (imported.months.length) facts.push(`${imported.months[0]} to ${imported.months[imported.months.length - 1]}`);
  return (
    <div className="import-report" data-testid="import-report">
      <p className="muted">{facts.join(' · ')}</p>
      <ul className="report-list">
        {imported.gaps.length ? (
          <li className="report-gap" data-testid="report-gaps">
            Months without data (left out, not zero): {imported.gaps.join(', ')}. A trend needs consecutive months, so it is fitted to the months after the last gap.
          </li>
        ) : (
          <li className="report-ok">No months missing between the first and the last.</li>
        )}
        {imported.duplicates.length ? (
          <li data-testid="report-duplicates">
            Identical rows counted once:{' '}
            {imported.duplicates.map((d) => `${d.date} (row${d.rows.length === 1 ? '' : 's'} ${d.rows.join(', ')}, ${d.count} copies)`).join('; ')}.
          </li>
        ) : null}
        {imported.partialMonths.length ? <li data-testid="report-partial">Months the dates cover only in part: {imported.partialMonths.join(', ')}.</li> : null}
        {imported.warnings.map((warning, i) => (
          <li key={i} className="report-warning">
            {warning}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SeriesPanel({ imported, selected, onSelect }: { imported: SeriesImport; selected: string | null; onSelect: (name: string) => void }) {
  const currency = imported.focus?.currency ?? null;
  const chosen = imported.series.find((s) => s.name === selected) ?? null;
  const groups = KIND_ORDER.map((kind) => ({ kind, series: imported.series.filter((s) => s.kind === kind) })).filter((g) => g.series.length);
  const months = chosen ? Object.keys(chosen.values).sort() : [];
  return (
    <section className="panel" aria-labelledby="series-title" data-testid="series-panel">
      <h2 id="series-title">
        {imported.series.length} monthly series{imported.focus ? ` from the bill (${imported.focus.costColumn}${currency ? `, ${currency}` : ''})` : ''}
      </h2>
      <ImportReport imported={imported} />
      <div className="series-layout">
        <fieldset className="series-list">
          <legend className="visually-hidden">Series to fit</legend>
          {groups.map((group) => (
            <div key={group.kind} className="series-group">
              {imported.focus ? <h3>{KIND_TITLES[group.kind]}</h3> : null}
              {group.series.map((series) => (
                <label key={series.name} className="series-option">
                  <input type="radio" name="series" value={series.name} checked={series.name === selected} onChange={() => onSelect(series.name)} />
                  <span className="series-name">{series.name}</span>
                  <span className="muted series-label">
                    {series.label}
                    {series.unit ? ` (${series.unit})` : ''}
                  </span>
                </label>
              ))}
            </div>
          ))}
        </fieldset>
        {chosen ? (
          <div className="series-values">
            <table className="data-table compact" data-testid="series-values" aria-label={`Months of ${chosen.name}`}>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col" className="num">
                    {chosen.label}
                  </th>
                </tr>
              </thead>
              <tbody>
                {months.map((month) => (
                  <tr key={month} data-month={month}>
                    <th scope="row">{month}</th>
                    <td className="num">{seriesValueText(chosen.values[month]!, chosen, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </section>
  );
}
