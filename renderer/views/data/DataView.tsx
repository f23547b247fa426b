/**
 * Data: import usage history (CSV, TSV, XLSX, XLS, ODS) or a FOCUS billing export — from the
 * file picker of the Platform or dropped onto the view — map its columns with a preview of the
 * first rows, see what the importer reports (gaps, duplicates, partial months), fit a trend to a
 * series with its projected bands, and use it as a driver. Reading and fitting run in a worker;
 * the scenario changes only on "Use as driver".
 */
import { useEffect, useState, type DragEvent } from 'react';
import { formatNumber } from '../../../models/io/display-format.ts';
import { useAppState, useServices } from '../../app/services.ts';
import { checkDocument } from '../../document/validation.ts';
import { MAX_DATA_FILE_BYTES, tooLargeMessage } from '../../platform/file-kinds.ts';
import { currentDocument } from '../../store/app-store.ts';
import { MappingPanel } from './MappingPanel.tsx';
import { consecutiveRun } from './series-months.ts';
import { SeriesPanel } from './SeriesPanel.tsx';
import { TrendPanel } from './TrendPanel.tsx';
import { UseAsDriverPanel } from './UseAsDriverPanel.tsx';
import { useDataSession, useDataState } from './use-data-session.ts';
import './data.css';

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${formatNumber(bytes / 1024, 1)} KiB` : `${formatNumber(bytes / (1024 * 1024), 1)} MiB`;
}

export function DataView() {
  const { platform } = useServices();
  const session = useDataSession();
  const state = useDataState(session, (s) => s);
  const document = useAppState(currentDocument);
  const [dragging, setDragging] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  const scenario = document ? checkDocument(document).scenario : null;
  const start = typeof document?.start === 'string' ? document.start : null;
  const months = typeof document?.months === 'number' ? document.months : null;
  const seed = scenario?.simulation?.seed ?? 1;

  useEffect(() => {
    if (start && months) session.setHorizon({ start, months, seed });
  }, [session, start, months, seed]);

  if (!document) return null;

  const pick = async () => {
    setPickError(null);
    try {
      const file = await platform.openDataFile();
      if (file) session.load(file);
    } catch (error) {
      setPickError(error instanceof Error ? error.message : String(error));
    }
  };
  const drop = async (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    setPickError(null);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    if (file.size > MAX_DATA_FILE_BYTES) {
      setPickError(tooLargeMessage(file.name, file.size, MAX_DATA_FILE_BYTES));
      return;
    }
    session.load({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  };

  const { outcome, file } = state;
  const imported = outcome?.ok ? outcome.series : null;
  const series = imported?.series.find((s) => s.name === state.selected) ?? null;
  const run = series ? consecutiveRun(series.values, state.fitFrom) : null;
  const request = state.trendRequest;
  const fitMatches = Boolean(series && run && request && request.series === series.name && request.model === state.model && request.months.join() === run.months.join());

  return (
    <div
      className={`data-view ${dragging ? 'dragging' : ''}`}
      data-testid="data-view"
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={(event) => void drop(event)}
    >
      <h1>Data</h1>
      <section className="panel drop-zone" aria-labelledby="import-title" data-testid="drop-zone">
        <div className="panel-head">
          <h2 id="import-title">Import usage history or a billing export</h2>
          <button type="button" className="button primary" onClick={() => void pick()}>
            Import a file…
          </button>
        </div>
        <p className="muted">
          Drop a file here, or import one: CSV, TSV or text (any delimiter, decimal comma or point, most date styles), a spreadsheet (XLSX, XLS, ODS), or a FOCUS billing
          export. Nothing in the scenario changes until you use a series as a driver.
        </p>
        {file ? (
          <p className="file-facts" data-testid="file-facts">
            <strong>{file.name}</strong> · {sizeText(file.size)}
            {outcome?.ok ? (
              <>
                {' '}
                · {outcome.table.format === 'csv' ? `text, ${outcome.table.delimiter === '\t' ? 'tab' : `"${outcome.table.delimiter ?? ','}"`}-separated, ${outcome.table.encoding ?? 'utf-8'}` : `${outcome.table.format} workbook${outcome.table.sheetName ? `, sheet "${outcome.table.sheetName}"` : ''}`} ·{' '}
                {outcome.table.rowCount.toLocaleString('en-US')} rows{outcome.table.focus ? <span className="badge badge-full">FOCUS billing export</span> : null}
              </>
            ) : null}
            {state.busy ? <span className="muted"> · {state.busy === 'reading' ? 'reading…' : 'fitting…'}</span> : null}
          </p>
        ) : null}
        {pickError ? (
          <p className="import-error" role="alert">
            {pickError}
          </p>
        ) : null}
        {state.failure ? (
          <p className="import-error" role="alert">
            The import stopped: {state.failure}
          </p>
        ) : null}
        {outcome && !outcome.ok ? (
          <div className="import-error" role="alert" data-testid="import-error">
            <strong>{file?.name} cannot be imported.</strong> <span data-testid="import-error-message">{outcome.error.message}</span>
            {outcome.error.fix ? <div className="import-fix">{outcome.error.fix}</div> : null}
          </div>
        ) : null}
        {outcome?.ok && outcome.table.warnings.length ? (
          <ul className="warnings">
            {outcome.table.warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
        ) : null}
      </section>

      {outcome?.ok ? (
        <MappingPanel table={outcome.table} mapping={outcome.mapping} read={state.read} session={session} aggregateUsed={outcome.series?.aggregate ?? null} />
      ) : null}
      {outcome?.ok && outcome.mappingError ? (
        <div className="panel import-error" role="alert" data-testid="mapping-error">
          <strong>No monthly series with these columns.</strong> <span data-testid="mapping-error-message">{outcome.mappingError.message}</span>
          {outcome.mappingError.fix ? <div className="import-fix">{outcome.mappingError.fix}</div> : null}
        </div>
      ) : null}
      {imported ? <SeriesPanel imported={imported} selected={state.selected} onSelect={(name) => session.select(name)} /> : null}
      {series && run ? (
        <TrendPanel
          series={series}
          run={run}
          model={state.model}
          trend={state.trend}
          trendRequest={state.trendRequest}
          currency={imported?.focus?.currency ?? null}
          forecastStart={start}
          fitting={state.busy === 'fitting'}
          onModel={(model) => session.setModel(model)}
          onFitFrom={(month) => session.setFitFrom(month)}
        />
      ) : null}
      {series && run ? (
        <UseAsDriverPanel key={series.name} document={document} series={series} months={run.months} model={state.model} trend={fitMatches ? state.trend : null} forecastStart={start} />
      ) : null}
    </div>
  );
}
