/** The editor of one override's value, by the kind of field it changes. */
import { gpuSpecs, llmModels, providers } from '../../../models/pricing/catalog/catalog.ts';
import { getAtPointer } from '../../../models/scenario/json-pointer.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { DriverValueEditor } from '../assumptions/DriverValueEditor.tsx';
import { NumberField, TextField } from '../assumptions/fields.tsx';
import type { DocumentEdit } from '../assumptions/use-document-edit.ts';
import { formsOf, regionsOf, type OverrideField } from './variant-fields.ts';

export interface OverrideValueProps {
  field: OverrideField;
  /** Where the value lives in the document: /variants/i/set/<escaped pointer>. */
  at: string;
  value: unknown;
  label: string;
  edit: DocumentEdit;
  /** The document with this variant's other overrides applied, for choices that depend on them (regions of the provider). */
  variantDocument: ScenarioDocument;
  historyNames: readonly string[];
  invalid: boolean;
}

/** A select of fixed choices; a value outside them stays listed so nothing is lost silently. */
function ChoiceSelect({ value, choices, label, onChange, invalid }: { value: unknown; choices: readonly { id: string; text: string }[]; label: string; onChange: (id: string) => void; invalid: boolean }) {
  const current = typeof value === 'string' ? value : '';
  const listed = choices.some((c) => c.id === current) ? choices : [{ id: current, text: `${current || '(none)'} (not in the catalog)` }, ...choices];
  return (
    <select aria-label={label} value={current} onChange={(event) => onChange(event.target.value)} className={invalid ? 'invalid' : undefined}>
      {listed.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.text}
        </option>
      ))}
    </select>
  );
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function OverrideValue({ field, at, value, label, edit, variantDocument, historyNames, invalid }: OverrideValueProps) {
  const set = (next: unknown) => edit.set(at, next, `change ${label}`);
  switch (field.kind) {
    case 'driver':
    case 'uncertain': {
      const forms = formsOf(field.kind);
      return <DriverValueEditor pointer={at} value={value} label={label} edit={edit} historyNames={historyNames} invalid={invalid} {...(forms ? { forms } : {})} />;
    }
    case 'gpu':
      return <ChoiceSelect value={value} label={label} invalid={invalid} onChange={set} choices={gpuSpecs.map((g) => ({ id: g.id, text: g.id }))} />;
    case 'model':
      return <ChoiceSelect value={value} label={label} invalid={invalid} onChange={set} choices={llmModels.map((m) => ({ id: m.id, text: `${m.id} (${m.provider})` }))} />;
    case 'provider':
      return <ChoiceSelect value={value} label={label} invalid={invalid} onChange={set} choices={providers().map((p) => ({ id: p, text: p }))} />;
    case 'region': {
      const provider = String(getAtPointer(variantDocument, '/pricing/provider') ?? '');
      return <ChoiceSelect value={value} label={label} invalid={invalid} onChange={set} choices={regionsOf(provider).map((r) => ({ id: r, text: r }))} />;
    }
    case 'boolean':
      return (
        <label className="param">
          <input type="checkbox" aria-label={label} checked={value === true} onChange={(event) => set(event.target.checked)} />
          <span>{value === true ? 'on' : 'off'}</span>
        </label>
      );
    case 'number':
      return <NumberField value={typeof value === 'number' ? value : undefined} label={label} invalid={invalid} onCommit={(next) => next !== undefined && set(next)} />;
    case 'json':
      return (
        <TextField
          className="formula-input"
          value={JSON.stringify(value) ?? ''}
          label={`${label} (JSON)`}
          invalid={invalid}
          validate={(text) => (parseJson(text).ok ? null : 'a JSON value, e.g. 12, "text", true or {"p10": 1, "p90": 2}')}
          onCommit={(text) => {
            const parsed = parseJson(text);
            if (parsed.ok) set(parsed.value);
          }}
        />
      );
  }
}
