/** Undoable edits of the open document at JSON pointers, as the editors make them. */
import { useMemo } from 'react';
import { removeAtPointer, setAtPointer } from '../../../models/scenario/json-pointer.ts';
import { useAppState } from '../../app/services.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';

export interface DocumentEdit {
  /** Sets the value at `pointer`; edits with the same `coalesceKey` in a row are one undo step. */
  set(pointer: string, value: unknown, label: string, coalesceKey?: string): void;
  remove(pointer: string, label: string): void;
  change(label: string, change: (document: ScenarioDocument) => ScenarioDocument): void;
  closeStep(): void;
}

export function useDocumentEdit(): DocumentEdit {
  const edit = useAppState((s) => s.edit);
  const closeStep = useAppState((s) => s.closeEditStep);
  return useMemo(
    () => ({
      set: (pointer, value, label, coalesceKey) => edit(label, (document) => setAtPointer(document, pointer, value) as ScenarioDocument, coalesceKey),
      remove: (pointer, label) => edit(label, (document) => removeAtPointer(document, pointer) as ScenarioDocument),
      change: (label, change) => edit(label, change),
      closeStep,
    }),
    [edit, closeStep],
  );
}
