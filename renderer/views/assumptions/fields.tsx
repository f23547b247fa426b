/**
 * Inputs that hold what is typed until it is committed (Enter or leaving the field), so a
 * half-typed number never reaches the document and each commit is one undo step.
 */
import { useState, type KeyboardEvent } from 'react';
import { formatNumber } from '../../../models/io/display-format.ts';
import { parseNumber } from './driver-forms.ts';

/** The text being typed, or the committed value when not editing; `done()` ends the edit. */
function useDraft(value: string): [string, (text: string) => void, () => void] {
  const [draft, setDraft] = useState<string | null>(null);
  return [draft ?? value, setDraft, () => setDraft(null)];
}

/** Enter commits (by leaving the field); Escape throws the typing away. */
function commitKeys(event: KeyboardEvent<HTMLInputElement>, revert: () => void) {
  if (event.key === 'Enter') event.currentTarget.blur();
  if (event.key === 'Escape') revert();
}

/** Shows a number with separators; accepts `1,500`, `2e6`; empty clears an optional field. */
export function NumberField(props: { value: number | undefined; onCommit: (value: number | undefined) => void; label: string; optional?: boolean; invalid?: boolean; placeholder?: string; className?: string }) {
  const shown = props.value === undefined ? '' : formatNumber(props.value, Math.abs(props.value) < 1000 ? 6 : 2).replace(/\.?0+$/, '');
  const [text, setText, done] = useDraft(shown);
  const parsed = parseNumber(text);
  const bad = text.trim() !== '' && parsed === null;
  const commit = () => {
    if (text.trim() === '' && props.optional) {
      if (props.value !== undefined) props.onCommit(undefined);
    } else if (parsed !== null && parsed !== props.value) {
      props.onCommit(parsed);
    } else if (parsed === null) {
      return; // keep the bad text visible, marked, until it is fixed or Escape reverts it
    }
    done();
  };
  return (
    <input
      type="text"
      inputMode="decimal"
      className={`${props.className ?? ''} ${bad || props.invalid ? 'invalid' : ''}`}
      aria-label={props.label}
      aria-invalid={bad || props.invalid ? true : undefined}
      placeholder={props.placeholder}
      value={text}
      // Wide enough for what is typed, or for the placeholder that says what to type.
      size={Math.max(6, (text || props.placeholder || '').length + 1)}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => commitKeys(event, done)}
    />
  );
}

/** A text field (names, formulas) that commits on Enter or blur. */
export function TextField(props: { value: string; onCommit: (value: string) => void; label: string; invalid?: boolean; className?: string; placeholder?: string; validate?: (text: string) => string | null }) {
  const [text, setText, done] = useDraft(props.value);
  const problem = props.validate?.(text) ?? null;
  const commit = () => {
    if (problem) return; // keep it visible, marked with the reason, until fixed or reverted
    if (text !== props.value) props.onCommit(text);
    done();
  };
  return (
    <input
      type="text"
      className={`${props.className ?? ''} ${props.invalid || problem ? 'invalid' : ''}`}
      aria-label={props.label}
      aria-invalid={props.invalid || problem ? true : undefined}
      title={problem ?? undefined}
      placeholder={props.placeholder}
      value={text}
      spellCheck={false}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => commitKeys(event, done)}
    />
  );
}
