/**
 * Edits one driver value wherever it sits (a named driver, a workload field, a price): its
 * form, then that form's parameters. Constants get a slider whose whole drag is one undo step.
 * Optional fields can be left at their default.
 */
import { useRef } from 'react';
import { pointerOf, isJsonObject } from '../../../models/scenario/json-pointer.ts';
import { ALL_FORMS, FORM_LABELS, FORM_PARAMS, UNCERTAIN_FORMS, convertTo, formOf, isRandomForm, parseNumberList, type DriverForm } from './driver-forms.ts';
import { NumberField, TextField } from './fields.tsx';
import type { DocumentEdit } from './use-document-edit.ts';

type Json = unknown;

export interface DriverValueEditorProps {
  pointer: string;
  value: Json;
  label: string;
  edit: DocumentEdit;
  /** Forms offered (default: every driver form). */
  forms?: readonly DriverForm[];
  /** When set, the field is optional and this text describes its default. */
  defaultText?: string;
  historyNames?: readonly string[];
  invalid?: boolean;
}

const UNSET = '__default';
let dragCount = 0;

/** A slider for a constant: about 0 to twice the value; one drag is one undo step. */
function ConstantSlider({ value, pointer, label, edit }: { value: number; pointer: string; label: string; edit: DocumentEdit }) {
  const key = useRef<string | null>(null);
  const range = useRef<{ max: number; step: number } | null>(null);
  if (!range.current || !key.current) {
    const max = value > 0 ? value * 2 : value < 0 ? 0 : 1;
    range.current = { max, step: Math.abs(max) / 200 || 0.01 };
  }
  const { max, step } = range.current;
  const min = value < 0 ? value * 2 : 0;
  const end = () => {
    key.current = null;
    range.current = null;
    edit.closeStep();
  };
  return (
    <input
      type="range"
      aria-label={`${label} (slider)`}
      min={min}
      max={max}
      step={step}
      value={value}
      onPointerDown={() => {
        key.current = `slider:${pointer}:${++dragCount}`;
      }}
      onPointerUp={end}
      onKeyUp={end}
      onChange={(event) => {
        const next = Number(event.target.value);
        edit.set(pointer, Number(next.toPrecision(4)), `change ${label}`, key.current ?? `slider:${pointer}:${++dragCount}`);
      }}
    />
  );
}

function ParamInputs({ spec, pointer, form, label, edit }: { spec: Record<string, Json>; pointer: string; form: DriverForm; label: string; edit: DocumentEdit }) {
  const params = FORM_PARAMS[form] ?? [];
  return (
    <>
      {params.map((param) => {
        const current = spec[param.key];
        const paramPointer = `${pointer}${pointerOf([param.key])}`;
        const name = `${label} ${param.label}`;
        return (
          <label key={param.key} className="param" title={param.hint}>
            <span>{param.label}</span>
            {param.kind === 'list' ? (
              <TextField
                value={Array.isArray(current) ? current.join(', ') : ''}
                label={name}
                placeholder={param.optional ? (param.hint ?? 'optional') : ''}
                validate={(text) => (text.trim() === '' && param.optional ? null : parseNumberList(text) ? null : 'a list of numbers, e.g. 20, 40, 60')}
                onCommit={(text) => (text.trim() === '' ? edit.remove(paramPointer, `clear ${name}`) : edit.set(paramPointer, parseNumberList(text), `change ${name}`))}
              />
            ) : (
              <NumberField
                value={typeof current === 'number' ? current : undefined}
                label={name}
                optional={param.optional === true}
                placeholder={param.optional ? (param.hint ?? 'optional') : ''}
                onCommit={(next) => (next === undefined ? edit.remove(paramPointer, `clear ${name}`) : edit.set(paramPointer, next, `change ${name}`))}
              />
            )}
          </label>
        );
      })}
    </>
  );
}

/** The start and rate of a growth path are uncertain numbers: a nested editor each. */
function GrowthInputs({ spec, pointer, label, edit }: { spec: Record<string, Json>; pointer: string; label: string; edit: DocumentEdit }) {
  const growth = isJsonObject(spec.growth) ? spec.growth : {};
  const at = (key: string) => `${pointer}/growth/${key}`;
  return (
    <div className="value-editor">
      <div className="value-editor-row">
        <span className="param">start</span>
        <DriverValueEditor pointer={at('start')} value={growth.start} label={`${label} start`} edit={edit} forms={UNCERTAIN_FORMS} />
      </div>
      <div className="value-editor-row">
        <span className="param">monthly rate</span>
        <DriverValueEditor pointer={at('rate')} value={growth.rate} label={`${label} rate`} edit={edit} forms={UNCERTAIN_FORMS} />
      </div>
      <div className="value-editor-row">
        <label className="param" title="monthly log-noise σ">
          <span>volatility</span>
          <NumberField value={typeof growth.volatility === 'number' ? growth.volatility : undefined} optional label={`${label} volatility`} placeholder="none" onCommit={(v) => (v === undefined ? edit.remove(at('volatility'), `clear ${label} volatility`) : edit.set(at('volatility'), v, `change ${label} volatility`))} />
        </label>
        <label className="param" title="logistic growth towards this ceiling">
          <span>cap</span>
          <NumberField value={typeof growth.cap === 'number' ? growth.cap : undefined} optional label={`${label} cap`} placeholder="none" onCommit={(v) => (v === undefined ? edit.remove(at('cap'), `clear ${label} cap`) : edit.set(at('cap'), v, `change ${label} cap`))} />
        </label>
      </div>
    </div>
  );
}

export function DriverValueEditor({ pointer, value, label, edit, forms = ALL_FORMS, defaultText, historyNames = [], invalid }: DriverValueEditorProps) {
  const form = value === undefined ? null : formOf(value);
  const spec = isJsonObject(value) ? value : {};
  const choose = (next: string) => {
    if (next === UNSET) edit.remove(pointer, `reset ${label} to its default`);
    else edit.set(pointer, convertTo(value ?? 1, next as DriverForm, historyNames), `make ${label} ${FORM_LABELS[next as DriverForm]}`);
  };
  const offered = forms.filter((f) => f !== 'trend' || historyNames.length > 0 || form === 'trend');
  return (
    <div className="value-editor">
      <div className="value-editor-row">
        <select value={form ?? (value === undefined ? UNSET : '')} onChange={(event) => choose(event.target.value)} aria-label={`${label} form`} className={invalid ? 'invalid' : undefined}>
          {defaultText !== undefined ? <option value={UNSET}>default ({defaultText})</option> : null}
          {form === null && value !== undefined ? <option value="">(not understood)</option> : null}
          {offered.map((f) => (
            <option key={f} value={f}>
              {FORM_LABELS[f]}
            </option>
          ))}
        </select>
        {form === 'constant' ? (
          <>
            <NumberField value={value as number} label={label} invalid={invalid ?? false} onCommit={(v) => v !== undefined && edit.set(pointer, v, `change ${label}`)} />
            <ConstantSlider value={value as number} pointer={pointer} label={label} edit={edit} />
          </>
        ) : null}
        {form === 'formula' ? <TextField className="formula-input" value={value as string} label={`${label} formula`} invalid={invalid ?? false} onCommit={(text) => edit.set(pointer, text, `change ${label} formula`)} /> : null}
        {form && FORM_PARAMS[form] ? <ParamInputs spec={spec} pointer={pointer} form={form} label={label} edit={edit} /> : null}
        {form === 'trend' && isJsonObject(spec.trend) ? (
          <>
            <label className="param">
              <span>history</span>
              <select value={String(spec.trend.history)} aria-label={`${label} history`} onChange={(event) => edit.set(`${pointer}/trend/history`, event.target.value, `change ${label} history`)}>
                {[...new Set([...historyNames, String(spec.trend.history)])].map((name) => (
                  <option key={name}>{name}</option>
                ))}
              </select>
            </label>
            <label className="param">
              <span>model</span>
              <select value={String(spec.trend.model ?? 'auto')} aria-label={`${label} trend model`} onChange={(event) => edit.set(`${pointer}/trend/model`, event.target.value, `change ${label} trend model`)}>
                {['auto', 'linear', 'exponential', 'logistic'].map((model) => (
                  <option key={model}>{model}</option>
                ))}
              </select>
            </label>
          </>
        ) : null}
        {form === 'series' ? (
          <TextField
            value={Array.isArray(spec.series) ? spec.series.join(', ') : ''}
            label={`${label} series`}
            className="formula-input"
            validate={(text) => (parseNumberList(text) ? null : 'numbers per month, e.g. 1, 1, 2, 3')}
            onCommit={(text) => edit.set(`${pointer}/series`, parseNumberList(text), `change ${label} series`)}
          />
        ) : null}
        {form && isRandomForm(form) ? (
          <label className="param" title="Drawn once per trial (an unknown constant) unless redrawn every month">
            <input type="checkbox" checked={spec.per === 'month'} onChange={(event) => (event.target.checked ? edit.set(`${pointer}/per`, 'month', `redraw ${label} monthly`) : edit.remove(`${pointer}/per`, `draw ${label} once per trial`))} />
            <span>every month</span>
          </label>
        ) : null}
      </div>
      {form === 'growth' ? <GrowthInputs spec={spec} pointer={pointer} label={label} edit={edit} /> : null}
    </div>
  );
}
