/** The toolbar: document name and state, file commands, undo/redo, and Run with its progress. */
import { formatNumber } from '../../models/io/display-format.ts';
import { checkDocument } from '../document/validation.ts';
import { currentDocument, isDirty } from '../store/app-store.ts';
import { redoLabel, undoLabel } from '../store/history.ts';
import { useAppState, useCommands } from './services.ts';

const TRIAL_CHOICES = [1000, 10_000, 50_000, 100_000, 250_000];

function shortcut(key: string): string {
  const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  return `${mac ? '⌘' : 'Ctrl+'}${key}`;
}

function RunControls() {
  const commands = useCommands();
  const full = useAppState((s) => s.full);
  const runTrials = useAppState((s) => s.runTrials);
  const setRunTrials = useAppState((s) => s.setRunTrials);
  const document = useAppState(currentDocument);
  const check = document ? checkDocument(document) : null;
  const scenarioTrials = check?.scenario?.simulation?.trials ?? 10_000;
  const trials = runTrials ?? scenarioTrials;
  const running = full.status === 'running';
  // The trials first, then their summary (seconds, for a big run): one bar per phase.
  const summary = full.summary;
  const [now, max] = summary ? [summary.done, summary.total] : [full.done, full.trials];
  const share = max ? now / max : 0;
  const percent = Math.round(share * 100);
  const valueText = summary ? `summarizing the trials, ${percent} %` : `${formatNumber(full.done)} of ${formatNumber(full.trials)} trials`;
  const choices = [...new Set([...TRIAL_CHOICES, scenarioTrials])].sort((a, b) => a - b);
  return (
    <div className="run-controls">
      <label className="trials-select">
        <span>Trials</span>
        <select value={trials} disabled={running || !document} onChange={(event) => setRunTrials(Number(event.target.value) === scenarioTrials ? null : Number(event.target.value))} aria-label="Trials for the full run">
          {choices.map((n) => (
            <option key={n} value={n}>
              {formatNumber(n)}
            </option>
          ))}
        </select>
      </label>
      {running ? (
        <>
          <div
            className="progress"
            role="progressbar"
            aria-label="Forecast progress"
            aria-valuemin={0}
            aria-valuemax={max}
            aria-valuenow={now}
            aria-valuetext={valueText}
            data-phase={summary ? 'summary' : 'trials'}
            data-testid="run-progress"
          >
            <div className="progress-fill" style={{ width: `${percent}%` }} />
            <span className="progress-text">
              {summary ? 'Summary' : 'Trials'} {percent} %
            </span>
          </div>
          <button type="button" className="button danger" onClick={() => commands.cancel()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="button primary" disabled={!check?.scenario} onClick={() => void commands.run()} title={`Run the full forecast (${shortcut('Enter')})`}>
          Run
        </button>
      )}
    </div>
  );
}

export function Toolbar() {
  const commands = useCommands();
  const open = useAppState((s) => s.document);
  const dirty = isDirty(open);
  const undoText = open ? undoLabel(open.history) : null;
  const redoText = open ? redoLabel(open.history) : null;
  const name = open ? (typeof open.history.present.name === 'string' ? open.history.present.name : open.file.name) : null;
  return (
    <header className="toolbar">
      <div className="brand" aria-hidden="true">
        Costcast
      </div>
      <div className="doc-title" data-testid="document-title">
        {open ? (
          <>
            <span className="doc-name">{name}</span>
            <span className="doc-file">
              {open.file.name}
              {dirty ? <span className="dirty-dot" title="Unsaved changes" aria-label="Unsaved changes"> •</span> : null}
            </span>
          </>
        ) : (
          <span className="doc-file">No scenario open</span>
        )}
      </div>
      <div className="toolbar-group" role="group" aria-label="File">
        <button type="button" className="button" onClick={() => commands.showNew()} title={`New from a template (${shortcut('N')})`}>
          New
        </button>
        <button type="button" className="button" onClick={() => void commands.open()} title={`Open a scenario file (${shortcut('O')})`}>
          Open…
        </button>
        <button type="button" className="button" disabled={!open} onClick={() => void commands.save()} title={`Save (${shortcut('S')})`}>
          Save
        </button>
        <button type="button" className="button" disabled={!open} onClick={() => void commands.saveAs()} title={`Save as (${shortcut('Shift+S')})`}>
          Save as…
        </button>
        <button type="button" className="button" disabled={!open} onClick={() => void commands.exportWorkbook()} title={`Export the Excel workbook (${shortcut('E')})`}>
          Export workbook
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="Edit">
        <button type="button" className="button" disabled={!undoText} onClick={() => commands.undo()} title={undoText ? `Undo ${undoText} (${shortcut('Z')})` : 'Nothing to undo'} aria-label="Undo">
          ↶ Undo
        </button>
        <button type="button" className="button" disabled={!redoText} onClick={() => commands.redo()} title={redoText ? `Redo ${redoText} (${shortcut('Shift+Z')})` : 'Nothing to redo'} aria-label="Redo">
          ↷ Redo
        </button>
      </div>
      <RunControls />
    </header>
  );
}
