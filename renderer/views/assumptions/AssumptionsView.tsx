/**
 * Assumptions: the scenario settings, every problem the engine reports, the drivers table and
 * the workloads grouped by type. Every edit is undoable and re-runs the live preview.
 */
import { useShallow } from 'zustand/react/shallow';
import { useState } from 'react';
import { formatIssue } from '../../../models/scenario/issues.ts';
import type { WorkloadType } from '../../../models/scenario/schema.ts';
import { useAppState } from '../../app/services.ts';
import { checkDocument } from '../../document/validation.ts';
import { currentDocument, shownResult } from '../../store/app-store.ts';
import { DriversTable } from './DriversTable.tsx';
import { ScenarioCard } from './ScenarioCard.tsx';
import { useDocumentEdit } from './use-document-edit.ts';
import { WorkloadCard } from './WorkloadCard.tsx';
import { newWorkload, WORKLOAD_TYPE_LABELS } from './workload-fields.ts';
import './assumptions.css';

const TYPE_ORDER = Object.keys(WORKLOAD_TYPE_LABELS) as WorkloadType[];

export function AssumptionsView() {
  const document = useAppState(currentDocument);
  const shown = useAppState(useShallow(shownResult));
  const edit = useDocumentEdit();
  const [newType, setNewType] = useState<WorkloadType>('llm-api');
  if (!document) return null;
  const check = checkDocument(document);
  const issues = [...check.errors, ...check.warnings];
  const workloads = Array.isArray(document.workloads) ? (document.workloads as Record<string, unknown>[]) : [];
  const historyNames = Object.keys((document.history ?? {}) as object);
  const shapes = shown?.result.distributions?.drivers ?? {};
  const byType = TYPE_ORDER.map((type) => ({ type, indexes: workloads.map((w, i) => (w.type === type ? i : -1)).filter((i) => i >= 0) })).filter((g) => g.indexes.length);

  const addWorkload = () => {
    const ids = new Set(workloads.map((w) => w.id));
    let n = 1;
    while (ids.has(`${newType}-${n}`)) n++;
    edit.set('/workloads/-', newWorkload(newType, `${newType}-${n}`), `add a ${WORKLOAD_TYPE_LABELS[newType]} workload`);
  };

  return (
    <div className="assumptions">
      <h1>Assumptions</h1>
      {check.errors.length ? (
        <section className="panel" aria-labelledby="problems-title" data-testid="problems">
          <h2 id="problems-title">
            {check.errors.length} problem{check.errors.length === 1 ? '' : 's'} to fix before the forecast runs
          </h2>
          <ul className="issues-list">
            {check.errors.map((issue, i) => (
              <li key={i}>{formatIssue(issue)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ScenarioCard document={document} issues={issues} edit={edit} />
      <DriversTable document={document} issues={issues} shapes={shapes} edit={edit} />
      <section className="panel" aria-labelledby="workloads-title">
        <div className="section-head">
          <h2 id="workloads-title">Workloads</h2>
          <div className="value-editor-row">
            <select value={newType} onChange={(event) => setNewType(event.target.value as WorkloadType)} aria-label="Type of the new workload">
              {TYPE_ORDER.map((type) => (
                <option key={type} value={type}>
                  {WORKLOAD_TYPE_LABELS[type]}
                </option>
              ))}
            </select>
            <button type="button" className="button" onClick={addWorkload}>
              Add workload
            </button>
          </div>
        </div>
        {byType.map((group) => (
          <div key={group.type}>
            <h3>{WORKLOAD_TYPE_LABELS[group.type]}</h3>
            <div className="workload-grid">
              {group.indexes.map((index) => (
                <WorkloadCard key={`${index}-${String(workloads[index]!.id)}`} document={document} index={index} issues={issues} edit={edit} historyNames={historyNames} />
              ))}
            </div>
          </div>
        ))}
      </section>
    </div>
  );
}
