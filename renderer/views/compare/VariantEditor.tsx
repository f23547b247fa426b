/**
 * The variant editor: add, rename and delete variants; in each, add an override by picking a
 * field of the scenario by name, set its value, remove it. Every change is one undo step, and
 * the engine's messages for a variant appear inside it.
 */
import { useState } from 'react';
import { getAtPointer, pointerOf, setAtPointer, isJsonObject } from '../../../models/scenario/json-pointer.ts';
import type { ScenarioIssue } from '../../../models/scenario/issues.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { issuesAt } from '../../document/validation.ts';
import { TextField } from '../assumptions/fields.tsx';
import { IssueText } from '../assumptions/IssueText.tsx';
import type { DocumentEdit } from '../assumptions/use-document-edit.ts';
import { OverrideValue } from './OverrideValue.tsx';
import { baselineOf, fieldOf, newVariantName, overrideFields, overridesOf, startingValue, valueInWords, type OverrideField } from './variant-fields.ts';

type Json = unknown;

/** Adds a variant with no overrides yet (the same as the baseline until a field is changed). */
export function addVariant(document: ScenarioDocument, edit: DocumentEdit): void {
  const variant = { name: newVariantName(document), set: {} };
  if (Array.isArray(document.variants)) edit.set('/variants/-', variant, `add variant ${variant.name}`);
  else edit.set('/variants', [variant], `add variant ${variant.name}`);
}

/** The baseline with this variant's overrides applied, skipping any that do not apply. */
function applied(baseline: ScenarioDocument, overrides: readonly [string, Json][]): ScenarioDocument {
  let document: unknown = baseline;
  for (const [pointer, value] of overrides) {
    try {
      document = setAtPointer(document, pointer, value);
    } catch {
      // The engine reports it beside the variant.
    }
  }
  return document as ScenarioDocument;
}

const GROUPS: OverrideField['group'][] = ['Drivers', 'Workloads', 'Pricing', 'Budget', 'Value'];

function AddOverride({ fields, taken, variantName, onAdd }: { fields: readonly OverrideField[]; taken: ReadonlySet<string>; variantName: string; onAdd: (field: OverrideField) => void }) {
  const [choice, setChoice] = useState('');
  const available = fields.filter((f) => !taken.has(f.pointer));
  const picked = available.find((f) => f.pointer === choice);
  return (
    <div className="add-override">
      <select value={picked ? choice : ''} onChange={(event) => setChoice(event.target.value)} aria-label={`Field to change in ${variantName}`}>
        <option value="">Choose a field to change…</option>
        {GROUPS.map((group) => {
          const inGroup = available.filter((f) => f.group === group);
          return inGroup.length ? (
            <optgroup key={group} label={group}>
              {inGroup.map((f) => (
                <option key={f.pointer} value={f.pointer}>
                  {f.label}
                </option>
              ))}
            </optgroup>
          ) : null;
        })}
      </select>
      <button
        type="button"
        className="button small"
        disabled={!picked}
        onClick={() => {
          if (!picked) return;
          onAdd(picked);
          setChoice('');
        }}
      >
        Add override
      </button>
      {picked ? <span className="pointer">{picked.pointer}</span> : null}
    </div>
  );
}

interface VariantCardProps {
  document: ScenarioDocument;
  index: number;
  fields: readonly OverrideField[];
  baseline: ScenarioDocument;
  issues: readonly ScenarioIssue[];
  edit: DocumentEdit;
  historyNames: readonly string[];
}

function VariantCard({ document, index, fields, baseline, issues, edit, historyNames }: VariantCardProps) {
  const variants = document.variants as Json[];
  const variant = isJsonObject(variants[index]) ? variants[index] : {};
  const name = typeof variant.name === 'string' ? variant.name : '';
  const description = typeof variant.description === 'string' ? variant.description : '';
  const overrides = overridesOf(document, index);
  const taken = new Set(overrides.map(([pointer]) => pointer));
  const at = (...keys: (string | number)[]) => pointerOf(['variants', index, ...keys]);
  const otherNames = new Set(variants.map((v, i) => (i !== index && isJsonObject(v) ? v.name : undefined)));
  const own = issuesAt(issues, at());
  const variantDocument = applied(baseline, overrides);

  return (
    <article className="variant-card" aria-label={`Variant ${name}`} data-variant-card={name}>
      <header className="variant-card-head">
        <TextField
          className="variant-name"
          value={name}
          label={`Name of variant ${index + 1}`}
          validate={(text) => (text.trim() === '' ? 'a variant needs a name' : otherNames.has(text) ? 'another variant has this name' : null)}
          onCommit={(text) => edit.set(at('name'), text, `rename variant ${name} to ${text}`)}
        />
        <button type="button" className="button small danger" onClick={() => edit.remove(at(), `delete variant ${name}`)} aria-label={`Delete variant ${name}`}>
          Delete
        </button>
      </header>
      <TextField
        className="variant-description"
        value={description}
        label={`Description of variant ${name}`}
        placeholder="What this variant changes and why (optional)"
        onCommit={(text) => (text.trim() ? edit.set(at('description'), text, `describe variant ${name}`) : edit.remove(at('description'), `clear the description of ${name}`))}
      />
      {own.length ? (
        <div className="variant-issues" data-testid="variant-issues">
          <IssueText issues={own} />
        </div>
      ) : null}
      {overrides.length === 0 ? <p className="muted">No changes yet: this variant is the baseline. Choose a field below to change it.</p> : null}
      {overrides.length ? (
        <table className="data-table compact override-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Value in this variant</th>
              <th scope="col">Baseline</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overrides.map(([pointer, value]) => {
              const field = fieldOf(fields, pointer);
              const where = at('set', pointer);
              const label = `${name}: ${field.label}`;
              return (
                <tr key={pointer} data-override={pointer}>
                  <th scope="row" className="override-field">
                    <div>{field.label}</div>
                    <div className="pointer">{pointer}</div>
                  </th>
                  <td>
                    <OverrideValue field={field} at={where} value={value} label={label} edit={edit} variantDocument={variantDocument} historyNames={historyNames} invalid={issuesAt(issues, where).length > 0} />
                  </td>
                  <td className="muted baseline-value">{valueInWords(getAtPointer(baseline, pointer), field.kind)}</td>
                  <td>
                    <button type="button" className="button small" onClick={() => edit.remove(where, `remove ${field.label} from ${name}`)} aria-label={`Remove ${field.label} from ${name}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <AddOverride fields={fields} taken={taken} variantName={name} onAdd={(field) => edit.set(at('set', field.pointer), startingValue(variantDocument, field), `change ${field.label} in ${name}`)} />
    </article>
  );
}

export function VariantEditor({ document, issues, edit }: { document: ScenarioDocument; issues: readonly ScenarioIssue[]; edit: DocumentEdit }) {
  const variants = Array.isArray(document.variants) ? document.variants : [];
  const baseline = baselineOf(document);
  const fields = overrideFields(baseline);
  const historyNames = Object.keys(isJsonObject(document.history) ? document.history : {});
  return (
    <section className="panel" aria-labelledby="variant-editor-title" data-testid="variant-editor">
      <div className="panel-head">
        <h2 id="variant-editor-title">Variants</h2>
        <button type="button" className="button" onClick={() => addVariant(document, edit)}>
          Add a variant
        </button>
      </div>
      <div className="variant-cards">
        {variants.map((_, index) => (
          <VariantCard key={index} document={document} index={index} fields={fields} baseline={baseline} issues={issues} edit={edit} historyNames={historyNames} />
        ))}
      </div>
    </section>
  );
}
