/**
 * The drivers: name (renaming updates every formula that uses it), form and parameters, what
 * the value means in words, a histogram of its samples, and the engine's messages inline.
 */
import { describeDriver } from '../../../models/io/workbook-describe.ts';
import { driverUsages, renameDriver } from '../../../models/scenario/rename-driver.ts';
import { identifierPattern, type DriverSpec, type Scenario } from '../../../models/scenario/schema.ts';
import { pointerOf } from '../../../models/scenario/json-pointer.ts';
import type { ScenarioIssue } from '../../../models/scenario/issues.ts';
import type { SampleShape } from '../../../models/simulate/result.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { issuesAt } from '../../document/validation.ts';
import { formOf } from './driver-forms.ts';
import { DriverValueEditor } from './DriverValueEditor.tsx';
import { TextField } from './fields.tsx';
import { IssueText } from './IssueText.tsx';
import { MiniHistogram } from './MiniHistogram.tsx';
import type { DocumentEdit } from './use-document-edit.ts';

function words(spec: unknown, history: Scenario['history']): string {
  if (formOf(spec) === null) return '';
  try {
    const d = describeDriver(spec as DriverSpec, history);
    return `${d.words} — ${d.drawn}`;
  } catch {
    return '';
  }
}

function freeName(drivers: Record<string, unknown>): string {
  for (let i = 1; ; i++) if (!(`driver_${i}` in drivers)) return `driver_${i}`;
}

export function DriversTable({ document, issues, shapes, edit }: { document: ScenarioDocument; issues: readonly ScenarioIssue[]; shapes: Record<string, SampleShape>; edit: DocumentEdit }) {
  const drivers = (document.drivers ?? {}) as Record<string, unknown>;
  const history = (document.history ?? {}) as Scenario['history'];
  const historyNames = Object.keys(history ?? {});
  const names = Object.keys(drivers).filter((name) => !name.startsWith('x-'));

  const rename = (from: string, to: string) => {
    const outcome = renameDriver(document, from, to);
    if (outcome.ok) edit.change(`rename ${from} to ${to}`, () => outcome.document as ScenarioDocument);
  };
  const remove = (name: string) => edit.change(`delete driver ${name}`, (doc) => {
    const next = { ...(doc.drivers as Record<string, unknown>) };
    delete next[name];
    return { ...doc, drivers: next };
  });
  const add = () => edit.change('add a driver', (doc) => ({ ...doc, drivers: { ...((doc.drivers as Record<string, unknown>) ?? {}), [freeName(drivers)]: { p10: 1, p90: 2 } } }));

  return (
    <section className="panel" aria-labelledby="drivers-title">
      <div className="section-head">
        <h2 id="drivers-title">Drivers</h2>
        <button type="button" className="button" onClick={add}>
          Add driver
        </button>
      </div>
      <p className="muted">
        Ranges are read one way only: p10 / p90 is an 80 % range (10 % chance below p10, 10 % above p90), lognormal when p10 is positive. Uncertain drivers are drawn once per
        trial unless “every month” is ticked.
      </p>
      <table className="data-table drivers-table" data-testid="drivers-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Reads as</th>
            <th scope="col">Samples</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const pointer = pointerOf(['drivers', name]);
            const own = issuesAt(issues, pointer);
            const used = driverUsages(document, name).length;
            return (
              <tr key={name} data-driver={name}>
                <td className="driver-name">
                  <TextField
                    value={name}
                    label={`Name of driver ${name}`}
                    validate={(text) => (text === name ? null : !identifierPattern.test(text) ? 'lower-case letters, digits and _, starting with a letter or _' : text in drivers ? 'that name is taken' : null)}
                    onCommit={(text) => rename(name, text)}
                  />
                  {used ? <div className="muted">used by {used} formula{used === 1 ? '' : 's'}</div> : null}
                </td>
                <td>
                  <DriverValueEditor pointer={pointer} value={drivers[name]} label={name} edit={edit} historyNames={historyNames} invalid={own.length > 0} />
                  <IssueText issues={own} />
                </td>
                <td className="driver-words">{words(drivers[name], history)}</td>
                <td>{shapes[name] ? <MiniHistogram shape={shapes[name]} label={`Samples of ${name}`} /> : <span className="muted">—</span>}</td>
                <td>
                  <button type="button" className="button small" onClick={() => remove(name)} aria-label={`Delete driver ${name}`} title={used ? `Used by ${used} formula(s): they will report an unknown name` : 'Delete'}>
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
