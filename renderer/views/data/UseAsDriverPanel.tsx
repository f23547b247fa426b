/**
 * "Use as driver": writes the fitted months as `history.<name>` and a driver that is a trend
 * of them — new, or replacing a driver the scenario already has — as one undoable edit. The
 * live preview then forecasts with it. Says why when it cannot (no fit, history overlapping the
 * forecast, a bad name) instead of writing something the engine would refuse.
 */
import { useState } from 'react';
import type { TrendModelChoice } from '../../../models/drivers/trend.ts';
import { useAppState } from '../../app/services.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import type { ImportedSeries, TrendOutcome } from '../../forecast/data-import.ts';
import { TextField } from '../assumptions/fields.tsx';
import { useDocumentEdit } from '../assumptions/use-document-edit.ts';
import { freeDriverName, nameProblem, otherTrendsOf, withDriverFromSeries } from './use-as-driver.ts';

const NEW = '__new';

export interface UseAsDriverProps {
  document: ScenarioDocument;
  series: ImportedSeries;
  /** The months fitted: what is written to the history. */
  months: readonly string[];
  model: TrendModelChoice;
  /** The fit of exactly these months, when there is one. */
  trend: TrendOutcome | null;
  forecastStart: string | null;
}

export function UseAsDriverPanel({ document, series, months, model, trend, forecastStart }: UseAsDriverProps) {
  const edit = useDocumentEdit();
  const setView = useAppState((s) => s.setView);
  const notify = useAppState((s) => s.notify);
  const drivers = Object.keys((document.drivers ?? {}) as object);
  const histories = (document.history ?? {}) as Record<string, unknown>;
  const [historyName, setHistoryName] = useState(series.name);
  const [target, setTarget] = useState(NEW);
  const [newName, setNewName] = useState(() => freeDriverName(document, series.name));
  const [done, setDone] = useState<string | null>(null);
  const driverName = target === NEW ? newName : target;

  const last = months[months.length - 1];
  const problems: string[] = [];
  if (!trend) problems.push('The trend is still being fitted.');
  else if (!trend.ok) problems.push(`The trend cannot be fitted: ${trend.error.message}.`);
  if (last !== undefined && forecastStart !== null && last >= forecastStart) problems.push(`The history runs to ${last}, which is not before the forecast's first month ${forecastStart}: the trend would overlap the forecast.`);
  const historyProblem = nameProblem(historyName);
  if (historyProblem) problems.push(`History name: ${historyProblem}.`);
  const driverProblem = target === NEW ? (nameProblem(newName) ?? (drivers.includes(newName) ? 'a driver has this name; choose it in the list to replace it' : null)) : null;
  if (driverProblem) problems.push(`Driver name: ${driverProblem}.`);
  const values = Object.fromEntries(months.map((m) => [m, series.values[m]!]));
  // A history of that name with other values is replaced; the same values are simply there already.
  const replacedHistory = historyName in histories && JSON.stringify(histories[historyName]) !== JSON.stringify(values);
  const sharing = replacedHistory ? otherTrendsOf(document, historyName, driverName) : [];

  const apply = () => {
    if (problems.length || last === undefined) return;
    const label = target === NEW ? `add driver ${driverName} from ${series.name}` : `replace driver ${driverName} by the trend of ${series.name}`;
    edit.change(label, (doc) => withDriverFromSeries(doc, { historyName, values, driverName, model }));
    const text = `${target === NEW ? 'Added' : 'Replaced'} driver ${driverName}: a ${model === 'auto' ? '' : `${model} `}trend of history ${historyName} (${months.length} months, ${months[0]} to ${last}).`;
    setDone(text);
    notify('info', text);
  };

  return (
    <section className="panel" aria-labelledby="use-title" data-testid="use-as-driver">
      <h2 id="use-title">Use as driver</h2>
      <p className="muted">
        Writes the {months.length} fitted months as <code>history.{historyName || '…'}</code> and a driver <code>{`{ "trend": { "history": "${historyName}", "model": "${model}" } }`}</code> in one step you can undo. The
        forecast then draws the trend with its parameter and residual uncertainty.
      </p>
      <div className="mapping-fields">
        <label className="field">
          <span>History name</span>
          <TextField value={historyName} label="History name" validate={nameProblem} onCommit={setHistoryName} />
        </label>
        <label className="field">
          <span>Driver</span>
          <select value={target} onChange={(event) => setTarget(event.target.value)} aria-label="Driver to write">
            <option value={NEW}>a new driver</option>
            {drivers.map((name) => (
              <option key={name} value={name}>
                replace {name}
              </option>
            ))}
          </select>
        </label>
        {target === NEW ? (
          <label className="field">
            <span>New driver name</span>
            <TextField value={newName} label="New driver name" validate={nameProblem} onCommit={setNewName} />
          </label>
        ) : null}
      </div>
      {replacedHistory ? (
        <p className="issue issue-warning">
          The scenario already has a history named {historyName}; it will be replaced{sharing.length ? `, which changes the trend of ${sharing.join(', ')} too` : ''}.
        </p>
      ) : null}
      {problems.length ? (
        <ul className="use-problems" data-testid="use-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <div className="value-editor-row">
        <button type="button" className="button primary" disabled={problems.length > 0} onClick={apply}>
          Use as driver
        </button>
        {done ? (
          <span className="status-ok" role="status" data-testid="use-done">
            {done}{' '}
            <button type="button" className="link-button" onClick={() => setView('assumptions')}>
              Show in Assumptions
            </button>
          </span>
        ) : null}
      </div>
    </section>
  );
}
