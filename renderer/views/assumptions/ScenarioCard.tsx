/** The scenario's own settings: name, story, currency, horizon, run settings and its tags. */
import { pointerOf } from '../../../models/scenario/json-pointer.ts';
import type { ScenarioIssue } from '../../../models/scenario/issues.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { issuesAt } from '../../document/validation.ts';
import { NumberField, TextField } from './fields.tsx';
import { IssueText } from './IssueText.tsx';
import { TagsEditor } from './TagsEditor.tsx';
import type { DocumentEdit } from './use-document-edit.ts';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'CHF', 'INR', 'SGD', 'SEK'];

export function ScenarioCard({ document, issues, edit }: { document: ScenarioDocument; issues: readonly ScenarioIssue[]; edit: DocumentEdit }) {
  const simulation = (document.simulation ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof document[key] === 'string' ? (document[key] as string) : '');
  const at = (key: string) => pointerOf([key]);
  const setSimulation = (key: string, value: unknown, label: string) =>
    value === undefined ? edit.remove(`/simulation/${key}`, label) : edit.change(label, (doc) => ({ ...doc, simulation: { ...((doc.simulation as object) ?? {}), [key]: value } }));
  const currency = text('currency');
  return (
    <section className="panel" aria-labelledby="scenario-title">
      <div className="section-head">
        <h2 id="scenario-title">Scenario</h2>
      </div>
      <div className="scenario-fields">
        <label className="field">
          Name
          <TextField value={text('name')} label="Scenario name" onCommit={(v) => edit.set(at('name'), v, 'rename the scenario')} validate={(v) => (v.trim() ? null : 'a scenario needs a name')} />
        </label>
        <label className="field">
          Currency
          <select value={currency} aria-label="Currency" onChange={(event) => edit.set(at('currency'), event.target.value, `change the currency to ${event.target.value}`)}>
            {[...new Set([currency, ...CURRENCIES])].map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
        <label className="field">
          First month
          <TextField value={text('start')} label="First forecast month" placeholder="YYYY-MM" validate={(v) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? null : 'a month as YYYY-MM')} onCommit={(v) => edit.set(at('start'), v, 'change the first month')} />
          <IssueText issues={issuesAt(issues, at('start'))} />
        </label>
        <label className="field">
          Months
          <NumberField value={typeof document.months === 'number' ? document.months : undefined} label="Horizon in months" onCommit={(v) => v !== undefined && edit.set(at('months'), Math.round(v), 'change the horizon')} />
          <IssueText issues={issuesAt(issues, at('months'))} />
        </label>
        <label className="field">
          Trials
          <NumberField value={typeof simulation.trials === 'number' ? simulation.trials : undefined} optional placeholder="10,000" label="Trials of a full run" onCommit={(v) => setSimulation('trials', v === undefined ? undefined : Math.round(v), 'change the trial count')} />
          <IssueText issues={issuesAt(issues, '/simulation/trials')} />
        </label>
        <label className="field">
          Seed
          <NumberField value={typeof simulation.seed === 'number' ? simulation.seed : undefined} optional placeholder="1" label="Random seed" onCommit={(v) => setSimulation('seed', v === undefined ? undefined : Math.round(v), 'change the seed')} />
        </label>
        <label className="field">
          Sampling
          <select value={typeof simulation.sampling === 'string' ? simulation.sampling : 'lhs'} aria-label="Sampling" onChange={(event) => setSimulation('sampling', event.target.value, 'change the sampling')}>
            <option value="lhs">Latin hypercube</option>
            <option value="random">plain random</option>
          </select>
        </label>
        <label className="field field-wide">
          Description
          <textarea
            rows={3}
            aria-label="Scenario description"
            defaultValue={text('description')}
            key={text('description')}
            onBlur={(event) => event.target.value !== text('description') && (event.target.value.trim() ? edit.set(at('description'), event.target.value, 'change the description') : edit.remove(at('description'), 'clear the description'))}
          />
        </label>
        <div className="field field-wide">
          Tags for every workload
          <TagsEditor pointer={at('tags')} tags={(document.tags ?? {}) as Record<string, string>} edit={edit} label="the scenario" />
        </div>
      </div>
    </section>
  );
}
