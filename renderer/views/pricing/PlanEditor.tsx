/**
 * The scenario's pricing plan, edited in place: commitments (GPU, term, GPU-hours per month,
 * first month) and which GPU workloads may run on spot, with the interruption overhead. Every
 * change is one undoable edit of `pricing`.
 */
import { gpuSpecs } from '../../../models/pricing/catalog/catalog.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { DriverValueEditor } from '../assumptions/DriverValueEditor.tsx';
import { UNCERTAIN_FORMS } from '../assumptions/driver-forms.ts';
import { NumberField } from '../assumptions/fields.tsx';
import type { DocumentEdit } from '../assumptions/use-document-edit.ts';
import { addCommitment, commitmentsOf, removeCommitment, setSpotWorkload, spotWorkloadsOf, type Term } from './pricing-edits.ts';
import { isJsonObject } from '../../../models/scenario/json-pointer.ts';

type Json = Record<string, unknown>;

/** The workloads that use GPUs (gpu-inference, training, experiments): id, name and GPU type. */
export function gpuWorkloadsOf(document: ScenarioDocument): { id: string; name: string; gpu: string }[] {
  const workloads = Array.isArray(document.workloads) ? document.workloads : [];
  return workloads.filter(isJsonObject).flatMap((w) => (typeof w.id === 'string' && typeof w.gpu === 'string' ? [{ id: w.id, name: typeof w.name === 'string' ? w.name : w.id, gpu: w.gpu }] : []));
}

function CommitmentRow({ index, commitment, gpus, edit }: { index: number; commitment: Json; gpus: readonly string[]; edit: DocumentEdit }) {
  const at = (key: string) => `/pricing/commitments/${index}/${key}`;
  const n = index + 1;
  const gpu = typeof commitment.gpu === 'string' ? commitment.gpu : '';
  return (
    <tr data-commitment={index}>
      <td>
        <select aria-label={`Commitment ${n} GPU`} value={gpu} onChange={(event) => edit.set(at('gpu'), event.target.value, `change commitment ${n} GPU`)}>
          {[...new Set([...gpus, gpu].filter(Boolean))].map((id) => (
            <option key={id}>{id}</option>
          ))}
        </select>
      </td>
      <td>
        <select aria-label={`Commitment ${n} term`} value={String(commitment.term)} onChange={(event) => edit.set(at('term'), event.target.value as Term, `change commitment ${n} term`)}>
          <option value="1y">1 year</option>
          <option value="3y">3 years</option>
        </select>
      </td>
      <td>
        <NumberField label={`Commitment ${n} GPU-hours per month`} value={typeof commitment.gpuHoursPerMonth === 'number' ? commitment.gpuHoursPerMonth : undefined} onCommit={(v) => v !== undefined && edit.set(at('gpuHoursPerMonth'), v, `change commitment ${n} GPU-hours`)} />
      </td>
      <td>
        <NumberField
          label={`Commitment ${n} first month`}
          optional
          placeholder="1"
          value={typeof commitment.startMonth === 'number' ? commitment.startMonth : undefined}
          onCommit={(v) => (v === undefined ? edit.remove(at('startMonth'), `start commitment ${n} in month 1`) : edit.set(at('startMonth'), v, `start commitment ${n} in month ${v}`))}
        />
      </td>
      <td>
        <button type="button" className="button small danger" aria-label={`Remove commitment ${n}`} onClick={() => edit.change(`remove commitment ${n}`, (doc) => removeCommitment(doc, index))}>
          Remove
        </button>
      </td>
    </tr>
  );
}

export function PlanEditor({ document, edit }: { document: ScenarioDocument; edit: DocumentEdit }) {
  const commitments = commitmentsOf(document);
  const gpuWorkloads = gpuWorkloadsOf(document);
  const usedGpus = [...new Set(gpuWorkloads.map((w) => w.gpu))];
  const gpus = [...new Set([...usedGpus, ...gpuSpecs.map((g) => g.id)])];
  const onSpot = new Set(spotWorkloadsOf(document));
  const pricing = isJsonObject(document.pricing) ? document.pricing : {};
  const spot = isJsonObject(pricing.spot) ? pricing.spot : null;

  return (
    <section className="panel" aria-labelledby="plan-title">
      <div className="panel-head">
        <h2 id="plan-title">Your pricing plan</h2>
      </div>
      <h3>Commitments</h3>
      <p className="muted small-print">Committed GPU-hours are paid every month of the term, used or not; demand above them pays on demand.</p>
      {commitments.length ? (
        <table className="data-table compact plan-table" data-testid="commitments-editor" aria-label="Commitments">
          <thead>
            <tr>
              <th scope="col">GPU</th>
              <th scope="col">Term</th>
              <th scope="col">GPU-h / month</th>
              <th scope="col">From month</th>
              <th scope="col"><span className="visually-hidden">Remove</span></th>
            </tr>
          </thead>
          <tbody>
            {commitments.map((c, i) => (isJsonObject(c) ? <CommitmentRow key={i} index={i} commitment={c} gpus={gpus} edit={edit} /> : null))}
          </tbody>
        </table>
      ) : (
        <p className="muted" data-testid="commitments-none">No commitments: every GPU-hour is bought on demand or on spot.</p>
      )}
      <button
        type="button"
        className="button small"
        onClick={() => edit.change('add a commitment', (doc) => addCommitment(doc, { gpu: usedGpus[0] ?? gpus[0] ?? 'H100', term: '1y', gpuHoursPerMonth: 730 }))}
      >
        Add a commitment
      </button>

      <h3 className="plan-subhead">Spot</h3>
      <p className="muted small-print">Spot-eligible workloads pay the spot price plus the interruption overhead (extra GPU-hours lost to restarts).</p>
      {gpuWorkloads.length ? (
        <ul className="spot-list" data-testid="spot-editor">
          {gpuWorkloads.map((w) => (
            <li key={w.id}>
              <label>
                <input type="checkbox" checked={onSpot.has(w.id)} aria-label={`Spot: ${w.name}`} onChange={(event) => edit.change(`${event.target.checked ? 'run' : 'stop running'} ${w.name} on spot`, (doc) => setSpotWorkload(doc, w.id, event.target.checked))} />
                <span>
                  {w.name} <span className="muted">({w.gpu})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {spot ? (
        <div className="spot-overhead">
          <span className="param">interruption overhead (share of GPU-hours)</span>
          <DriverValueEditor pointer="/pricing/spot/interruptionOverhead" value={spot.interruptionOverhead} label="Spot interruption overhead" edit={edit} forms={UNCERTAIN_FORMS} defaultText="0" />
        </div>
      ) : null}
    </section>
  );
}
