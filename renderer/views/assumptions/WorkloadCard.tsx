/** One workload: id, name, its type's fields (drivers, GPU, model, price, stages), tags, delete. */
import { gpuSpecs, llmModels } from '../../../models/pricing/catalog/catalog.ts';
import { pointerOf, isJsonObject } from '../../../models/scenario/json-pointer.ts';
import type { ScenarioIssue } from '../../../models/scenario/issues.ts';
import { renameWorkloadId } from '../../../models/scenario/rename-driver.ts';
import type { WorkloadType } from '../../../models/scenario/schema.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { issuesAt } from '../../document/validation.ts';
import { DriverValueEditor } from './DriverValueEditor.tsx';
import { TextField } from './fields.tsx';
import { IssueText } from './IssueText.tsx';
import { TagsEditor } from './TagsEditor.tsx';
import type { DocumentEdit } from './use-document-edit.ts';
import { priceFields, stageFields, workloadFields, WORKLOAD_TYPE_LABELS, type WorkloadField } from './workload-fields.ts';

type Json = unknown;

interface CardProps {
  document: ScenarioDocument;
  index: number;
  issues: readonly ScenarioIssue[];
  edit: DocumentEdit;
  historyNames: readonly string[];
}

function DriverRow({ field, pointer, value, label, edit, issues, historyNames }: { field: WorkloadField; pointer: string; value: Json; label: string; edit: DocumentEdit; issues: readonly ScenarioIssue[]; historyNames: readonly string[] }) {
  const own = issuesAt(issues, pointer);
  return (
    <>
      <label title={field.meaning}>
        {field.key}
        <div className="muted">{field.meaning}</div>
      </label>
      <div>
        <DriverValueEditor pointer={pointer} value={value} label={label} edit={edit} historyNames={historyNames} invalid={own.length > 0} {...(field.optional ? { defaultText: field.defaultText ?? 'none' } : {})} />
        <IssueText issues={own} />
      </div>
    </>
  );
}

export function WorkloadCard({ document, index, issues, edit, historyNames }: CardProps) {
  const workloads = document.workloads as Json[];
  const workload = (isJsonObject(workloads[index]) ? workloads[index] : {}) as Record<string, Json>;
  const type = workload.type as WorkloadType;
  const id = String(workload.id ?? '');
  const at = (...keys: (string | number)[]) => pointerOf(['workloads', index, ...keys]);
  const label = (key: string) => `${id} ${key}`;
  const ownIssues = (pointer: string) => issuesAt(issues, pointer);

  const rename = (to: string) => {
    const outcome = renameWorkloadId(document, id, to);
    if (outcome.ok) edit.change(`rename workload ${id} to ${to}`, () => outcome.document as ScenarioDocument);
  };
  const remove = () => edit.remove(pointerOf(['workloads', index]), `delete workload ${id}`);

  const field = (f: WorkloadField) => {
    const pointer = at(f.key);
    const value = workload[f.key];
    switch (f.kind) {
      case 'gpu':
        return (
          <CatalogSelect key={f.key} field={f} pointer={pointer} value={value} edit={edit} label={label(f.key)} options={gpuSpecs.map((g) => ({ id: g.id, text: `${g.id}` }))} issues={ownIssues(pointer)} />
        );
      case 'model':
        return (
          <CatalogSelect
            key={f.key}
            field={f}
            pointer={pointer}
            value={value}
            edit={edit}
            label={label(f.key)}
            optional
            options={llmModels.map((m) => ({ id: m.id, text: `${m.id} (${m.provider})` }))}
            issues={ownIssues(pointer)}
          />
        );
      case 'boolean':
        return (
          <div key={f.key} style={{ display: 'contents' }}>
            <label>{f.key}</label>
            <label className="param">
              <input type="checkbox" checked={value === true} onChange={(event) => edit.set(pointer, event.target.checked, `${event.target.checked ? 'turn on' : 'turn off'} ${label(f.key)}`)} />
              <span>{f.meaning}</span>
            </label>
          </div>
        );
      case 'price':
        return <PriceFields key={f.key} workload={workload} pointer={pointer} edit={edit} label={label('price')} issues={issues} historyNames={historyNames} />;
      case 'stages':
        return <Stages key={f.key} workload={workload} pointer={pointer} edit={edit} id={id} issues={issues} historyNames={historyNames} />;
      case 'driver':
        return <DriverRow key={f.key} field={f} pointer={pointer} value={value} label={label(f.key)} edit={edit} issues={issues} historyNames={historyNames} />;
    }
  };

  return (
    <article className="workload-card" data-workload={id} aria-label={`Workload ${id}`}>
      <header>
        <div>
          <div className="workload-type">{WORKLOAD_TYPE_LABELS[type] ?? type}</div>
          <TextField value={typeof workload.name === 'string' ? workload.name : ''} label={`Name of workload ${id}`} placeholder={id} onCommit={(text) => (text.trim() ? edit.set(at('name'), text, `rename ${id}`) : edit.remove(at('name'), `clear the name of ${id}`))} />
        </div>
        <div className="value-editor-row">
          <label className="param">
            <span>id</span>
            <TextField value={id} label={`Id of workload ${id}`} validate={(text) => (/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(text) ? null : 'letters, digits, _, . and -')} onCommit={rename} />
          </label>
          <button type="button" className="button small" onClick={remove} aria-label={`Delete workload ${id}`}>
            Delete
          </button>
        </div>
      </header>
      <IssueText issues={issuesAt(issues, at('id'))} />
      <div className="workload-fields">{workloadFields(type).map(field)}</div>
      <TagsEditor pointer={at('tags')} tags={(isJsonObject(workload.tags) ? workload.tags : {}) as Record<string, string>} edit={edit} label={id} />
    </article>
  );
}

function CatalogSelect(props: { field: WorkloadField; pointer: string; value: Json; edit: DocumentEdit; label: string; options: { id: string; text: string }[]; optional?: boolean; issues: readonly ScenarioIssue[] }) {
  const current = typeof props.value === 'string' ? props.value : '';
  const known = props.options.some((o) => o.id === current);
  return (
    <>
      <label>
        {props.field.key}
        <div className="muted">{props.field.meaning}</div>
      </label>
      <div>
        <select
          value={current}
          aria-label={props.label}
          className={props.issues.length ? 'invalid' : undefined}
          onChange={(event) => (event.target.value === '' ? props.edit.remove(props.pointer, `clear ${props.label}`) : props.edit.set(props.pointer, event.target.value, `set ${props.label} to ${event.target.value}`))}
        >
          {props.optional ? <option value="">(none: explicit price)</option> : null}
          {!known && current ? <option value={current}>{current} (not in the catalog)</option> : null}
          {props.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.text}
            </option>
          ))}
        </select>
        <IssueText issues={props.issues} />
      </div>
    </>
  );
}

function PriceFields({ workload, pointer, edit, label, issues, historyNames }: { workload: Record<string, Json>; pointer: string; edit: DocumentEdit; label: string; issues: readonly ScenarioIssue[]; historyNames: readonly string[] }) {
  const price = isJsonObject(workload.price) ? workload.price : null;
  if (!price) {
    return (
      <>
        <label>price</label>
        <div>
          <button type="button" className="button small" onClick={() => edit.set(pointer, { input: 2.5, output: 10 }, `set an explicit price for ${label}`)}>
            Set an explicit price per 1M tokens
          </button>
        </div>
      </>
    );
  }
  return (
    <>
      {priceFields.map((f) => (
        <DriverRow key={f.key} field={{ ...f, key: `price.${f.key}` }} pointer={`${pointer}/${f.key}`} value={price[f.key]} label={`${label} ${f.key}`} edit={edit} issues={issues} historyNames={historyNames} />
      ))}
      <span />
      <div>
        <button type="button" className="button small" onClick={() => edit.remove(pointer, `remove the explicit price of ${label}`)}>
          Use the catalog price
        </button>
      </div>
    </>
  );
}

function Stages({ workload, pointer, edit, id, issues, historyNames }: { workload: Record<string, Json>; pointer: string; edit: DocumentEdit; id: string; issues: readonly ScenarioIssue[]; historyNames: readonly string[] }) {
  const stages = Array.isArray(workload.stages) ? (workload.stages as Record<string, Json>[]) : [];
  return (
    <>
      <label>stages</label>
      <div className="value-editor">
        {stages.map((stage, k) => {
          const stagePointer = `${pointer}/${k}`;
          const name = typeof stage.name === 'string' ? stage.name : `stage ${k + 1}`;
          return (
            <div key={k} className="stage" aria-label={`Stage ${k + 1} of ${id}`}>
              <div className="value-editor-row">
                <strong>{k + 1}.</strong>
                <TextField value={name} label={`Name of stage ${k + 1} of ${id}`} onCommit={(text) => edit.set(`${stagePointer}/name`, text, `rename stage ${k + 1} of ${id}`)} />
                <button type="button" className="button small" disabled={stages.length === 1} onClick={() => edit.remove(stagePointer, `delete stage ${name} of ${id}`)} aria-label={`Delete stage ${name}`}>
                  Delete
                </button>
              </div>
              <div className="workload-fields">
                {stageFields
                  .filter((f) => f.key !== 'runsPerMonth' || k === 0)
                  .map((f) => (
                    <DriverRow key={f.key} field={f} pointer={`${stagePointer}/${f.key}`} value={stage[f.key]} label={`${id} ${name} ${f.key}`} edit={edit} issues={issues} historyNames={historyNames} />
                  ))}
              </div>
            </div>
          );
        })}
        <div>
          <button type="button" className="button small" onClick={() => edit.set(`${pointer}/-`, { name: `stage ${stages.length + 1}`, gpuHoursPerRun: 10 }, `add a stage to ${id}`)}>
            Add stage
          </button>
        </div>
      </div>
    </>
  );
}
