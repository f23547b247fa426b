/**
 * Column mapping: how the rows of the file become monthly series — the date and value columns,
 * an optional group column, how a month combines its dates, and the reading choices the
 * importer would otherwise guess (day/month order, decimal mark). A FOCUS export is read as a
 * bill, with its cost column; it can also be read as a plain table. The first rows are shown.
 */
import type { FocusImportOptions } from '../../../models/io/focus-import.ts';
import type { ReadTableOptions } from '../../../models/io/table-read.ts';
import type { SeriesMapping } from '../../../models/io/usage-series.ts';
import type { ImportMapping, TableSummary } from '../../forecast/data-import.ts';
import type { DataSession } from './data-session.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A mapping with one field changed; `undefined` removes an optional field (leaving it to the importer). */
function withField<K extends keyof SeriesMapping>(mapping: SeriesMapping, key: K, value: SeriesMapping[K] | undefined): SeriesMapping {
  const next: Mutable<SeriesMapping> = { ...mapping };
  if (value === undefined) delete next[key];
  else next[key] = value as Mutable<SeriesMapping>[K];
  return next;
}

function Choice<T extends string>({ label, value, options, onChange, testId }: { label: string; value: T; options: readonly { value: T; text: string }[]; onChange: (value: T) => void; testId?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value as T)} aria-label={label} data-testid={testId}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </label>
  );
}

function UsageMapping({ table, mapping, session, aggregateUsed }: { table: TableSummary; mapping: SeriesMapping; session: DataSession; aggregateUsed: string | null }) {
  const set = <K extends keyof SeriesMapping>(key: K, value: SeriesMapping[K] | undefined) => session.remap({ kind: 'usage', mapping: withField(mapping, key, value) });
  const dateCandidates = new Set(table.suggestion?.dateCandidates ?? []);
  const valueCandidates = new Set(table.suggestion?.valueCandidates ?? []);
  const column = (name: string, marks: Set<string>, word: string) => ({ value: name, text: marks.has(name) ? `${name} (${word})` : name });
  return (
    <div className="mapping-fields">
      <Choice label="Date column" value={mapping.date} testId="map-date" options={table.columns.map((c) => column(c, dateCandidates, 'dates'))} onChange={(v) => set('date', v)} />
      <Choice
        label="Value column"
        value={mapping.value}
        testId="map-value"
        options={table.columns.map((c) => column(c, valueCandidates, 'numbers'))}
        // A new value column gets the importer's own guess of sum or mean.
        onChange={(v) => session.remap({ kind: 'usage', mapping: withField(withField(mapping, 'value', v), 'aggregate', undefined) })}
      />
      <Choice
        label="One series per value of"
        value={mapping.groupBy ?? ''}
        testId="map-group"
        options={[{ value: '', text: '(one series)' }, ...table.columns.filter((c) => c !== mapping.date && c !== mapping.value).map((c) => ({ value: c, text: table.suggestion?.groupCandidates.includes(c) ? `${c} (suggested)` : c }))]}
        onChange={(v) => set('groupBy', v === '' ? undefined : v)}
      />
      <Choice
        label="Within a month"
        value={mapping.aggregate ?? ''}
        testId="map-aggregate"
        options={[
          { value: '', text: `automatic${aggregateUsed ? ` (${aggregateUsed})` : ''}` },
          { value: 'sum', text: 'sum (flows: cost, requests, tokens)' },
          { value: 'mean', text: 'mean (levels: users, GPUs, TB)' },
          { value: 'last', text: 'last value' },
        ]}
        onChange={(v) => set('aggregate', v === '' ? undefined : v)}
      />
      <Choice
        label="Dates like 03/04/2026"
        value={mapping.dateOrder ?? 'auto'}
        options={[
          { value: 'auto', text: 'decided from the column' },
          { value: 'month-first', text: 'month first (US)' },
          { value: 'day-first', text: 'day first' },
        ]}
        onChange={(v) => set('dateOrder', v === 'auto' ? undefined : v)}
      />
      <Choice
        label="Decimal mark"
        value={mapping.decimalMark ?? 'auto'}
        options={[
          { value: 'auto', text: 'decided from the column' },
          { value: 'point', text: 'point (1,234.56)' },
          { value: 'comma', text: 'comma (1.234,56)' },
        ]}
        onChange={(v) => set('decimalMark', v === 'auto' ? undefined : v)}
      />
      <Choice
        label="Partial first and last months"
        value={mapping.partialMonths ?? 'keep'}
        options={[
          { value: 'keep', text: 'keep (reported)' },
          { value: 'drop', text: 'leave out' },
        ]}
        onChange={(v) => set('partialMonths', v === 'keep' ? undefined : v)}
      />
      <Choice
        label="Identical rows"
        value={mapping.duplicates ?? 'drop'}
        options={[
          { value: 'drop', text: 'count once (reported)' },
          { value: 'keep', text: 'count every copy' },
        ]}
        onChange={(v) => set('duplicates', v === 'drop' ? undefined : v)}
      />
      <label className="field checkbox-field">
        <span>Rows with a bad date or number</span>
        <span className="param">
          <input type="checkbox" checked={mapping.skipBadRows === true} onChange={(event) => set('skipBadRows', event.target.checked ? true : undefined)} aria-label="Skip rows with a bad date or number" />
          skip them (listed in a warning)
        </span>
      </label>
    </div>
  );
}

function FocusMapping({ options, session }: { options: FocusImportOptions; session: DataSession }) {
  const set = (next: FocusImportOptions) => session.remap({ kind: 'focus', options: next });
  return (
    <div className="mapping-fields">
      <Choice
        label="Cost column"
        value={options.costColumn ?? 'EffectiveCost'}
        testId="focus-cost-column"
        options={[
          { value: 'EffectiveCost', text: 'EffectiveCost (amortised)' },
          { value: 'BilledCost', text: 'BilledCost (as invoiced)' },
        ]}
        onChange={(v) => set({ ...options, costColumn: v })}
      />
      <label className="field checkbox-field">
        <span>Rows with a bad date or cost</span>
        <span className="param">
          <input
            type="checkbox"
            checked={options.skipBadRows === true}
            onChange={(event) => {
              const { skipBadRows: _old, ...rest } = options;
              set(event.target.checked ? { ...rest, skipBadRows: true } : rest);
            }}
            aria-label="Skip rows with a bad date or cost"
          />
          skip them (listed in a warning)
        </span>
      </label>
    </div>
  );
}

export function MappingPanel({ table, mapping, read, session, aggregateUsed }: { table: TableSummary; mapping: ImportMapping | null; read: ReadTableOptions; session: DataSession; aggregateUsed: string | null }) {
  const asTable = (): ImportMapping | null => (table.suggestion ? { kind: 'usage', mapping: { date: table.suggestion.date, value: table.suggestion.value, aggregate: table.suggestion.aggregate } } : null);
  const usedColumns =
    mapping?.kind === 'usage'
      ? [mapping.mapping.date, mapping.mapping.value, mapping.mapping.groupBy]
      : mapping?.kind === 'focus'
        ? table.columns.filter((c) => ['chargeperiodstart', (mapping.options.costColumn ?? 'EffectiveCost').toLowerCase()].includes(c.trim().toLowerCase()))
        : [];
  return (
    <section className="panel" aria-labelledby="mapping-title" data-testid="mapping-panel">
      <div className="panel-head">
        <h2 id="mapping-title">Columns</h2>
        {table.focus ? (
          <div className="segmented" role="group" aria-label="Read the file as">
            <button type="button" aria-pressed={mapping?.kind === 'focus'} onClick={() => session.remap({ kind: 'focus', options: {} })}>
              FOCUS billing export
            </button>
            <button
              type="button"
              aria-pressed={mapping?.kind === 'usage'}
              disabled={!table.suggestion}
              onClick={() => {
                const next = asTable();
                if (next) session.remap(next);
              }}
            >
              Table of dates and values
            </button>
          </div>
        ) : null}
      </div>
      <div className="mapping-fields read-fields">
        {table.sheetNames.length > 1 ? (
          <Choice label="Sheet" value={table.sheetName ?? ''} options={table.sheetNames.map((name) => ({ value: name, text: name }))} onChange={(sheet) => session.reread({ ...read, sheet })} />
        ) : null}
        <Choice
          label="First row"
          value={read.header === undefined ? 'auto' : read.header ? 'header' : 'data'}
          options={[
            { value: 'auto', text: table.columns[0]?.startsWith('Column ') ? 'detected: data' : 'detected: column names' },
            { value: 'header', text: 'column names' },
            { value: 'data', text: 'data (no header row)' },
          ]}
          onChange={(v) => {
            const { header: _old, ...rest } = read;
            session.reread(v === 'auto' ? rest : { ...rest, header: v === 'header' });
          }}
        />
      </div>
      {mapping?.kind === 'usage' ? <UsageMapping table={table} mapping={mapping.mapping} session={session} aggregateUsed={aggregateUsed} /> : null}
      {mapping?.kind === 'focus' ? <FocusMapping options={mapping.options} session={session} /> : null}
      <h3 className="preview-title">
        First {Math.min(table.preview.length, table.rowCount)} of {table.rowCount.toLocaleString('en-US')} rows
      </h3>
      <div className="preview-scroll">
        <table className="data-table compact preview-table" data-testid="preview-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                row
              </th>
              {table.columns.map((column) => (
                <th key={column} scope="col" className={usedColumns.includes(column) ? 'mapped' : undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.preview.map((row, r) => (
              <tr key={r}>
                <td className="num muted">{table.previewRowNumbers[r]}</td>
                {row.map((cell, c) => (
                  <td key={c} className={usedColumns.includes(table.columns[c]) ? 'mapped' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
