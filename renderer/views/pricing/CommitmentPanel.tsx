/**
 * How much to commit: the commitment curve of each GPU type and term (expected and P90 total
 * against committed GPU-hours per month, optimum and current level marked) and the optimizer's
 * recommendations with their idle risk, each one click from the scenario.
 */
import { useMemo, useState } from 'react';
import { formatMoney, formatNumber, formatPercent } from '../../../models/io/display-format.ts';
import type { PricingResult } from '../../../models/simulate/result.ts';
import { useTheme } from '../../app/use-theme.ts';
import { Chart } from '../../charts/Chart.tsx';
import { buildCommitmentCurveOption } from '../../charts/commitment-curve-chart.ts';
import type { DocumentEdit } from '../assumptions/use-document-edit.ts';
import { applyCommitmentLevel, wholeHours, type Term } from './pricing-edits.ts';

type Curve = NonNullable<PricingResult['commitmentCurves']>[number];

const curveKey = (c: { gpu: string; term: string }) => `${c.gpu} ${c.term}`;
const hours = (v: number) => `${formatNumber(v)} GPU-h/mo`;

function UseLevelButton({ gpu, term, level, configured, edit, compact = false }: { gpu: string; term: Term; level: number; configured: number | null | undefined; edit: DocumentEdit; compact?: boolean }) {
  const target = wholeHours(level);
  const current = configured ?? 0;
  const label = target > 0 ? `Use the recommended ${gpu} ${term} level` : `Remove the ${gpu} ${term} commitment`;
  return (
    <button
      type="button"
      className="button small"
      aria-label={label}
      disabled={current === target}
      title={current === target ? 'The scenario already commits this level' : target > 0 ? `Commit ${hours(target)} of ${gpu} for ${term} terms from the first month` : 'No commitment lowers the expected cost'}
      onClick={() => edit.change(target > 0 ? `commit ${hours(target)} of ${gpu} (${term})` : `remove the ${gpu} ${term} commitment`, (doc) => applyCommitmentLevel(doc, gpu, term, level))}
    >
      {compact ? (target > 0 ? 'Use' : 'Remove') : label}
    </button>
  );
}

export function CommitmentPanel({ pricing, currency, edit }: { pricing: PricingResult; currency: string; edit: DocumentEdit }) {
  const theme = useTheme();
  const curves = pricing.commitmentCurves ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const curve: Curve | undefined = curves.find((c) => curveKey(c) === picked) ?? curves[0];
  const option = useMemo(
    () => (curve ? buildCommitmentCurveOption({ gpu: curve.gpu, term: curve.term, points: curve.points, optimum: curve.optimum, configured: curve.configured, currency, theme }) : null),
    [curve, currency, theme],
  );
  const recommendationOf = (c: Curve) => pricing.recommendedCommitments.find((r) => r.gpu === c.gpu && r.term === c.term);
  const shownRecommendation = curve ? recommendationOf(curve) : undefined;

  return (
    <section className="panel" aria-labelledby="commitment-title">
      <div className="panel-head">
        <h2 id="commitment-title">Commitments</h2>
        {curves.length > 1 ? (
          <div className="segmented" role="group" aria-label="Commitment curve of">
            {curves.map((c) => (
              <button key={curveKey(c)} type="button" aria-pressed={curve === c} onClick={() => setPicked(curveKey(c))}>
                {c.gpu} {c.term}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {curve && option ? (
        <>
          <Chart option={option} name={`commitment curve ${curve.gpu} ${curve.term}`} testId="commitment-curve" height={280} />
          <p className="curve-summary" data-testid="curve-summary">
            {curve.optimum !== undefined && curve.optimum > 0 ? (
              <>
                Optimum for {curve.gpu} ({curve.term}): <strong>{hours(curve.optimum)}</strong>
                {shownRecommendation?.probabilityUnderUsed !== undefined ? <> · P(under-use) {formatPercent(shownRecommendation.probabilityUnderUsed)} of covered months</> : null}
              </>
            ) : (
              <>No {curve.gpu} {curve.term} commitment lowers the expected cost.</>
            )}
            {curve.configured !== null && curve.configured !== undefined ? <> · the scenario commits {hours(curve.configured)}</> : <> · the scenario commits none</>}{' '}
            {curve.optimum !== undefined ? <UseLevelButton gpu={curve.gpu} term={curve.term} level={curve.optimum} configured={curve.configured} edit={edit} /> : null}
          </p>
        </>
      ) : (
        <p className="muted">No GPU type has a committed price for a term that fits the horizon, so there is no curve to draw.</p>
      )}

      <h3>Recommended commitments</h3>
      {pricing.recommendedCommitments.length ? (
        <div className="table-scroll">
        <table className="data-table compact recommended-table" data-testid="recommended-table" aria-label="Recommended commitments">
          <thead>
            <tr>
              <th scope="col">GPU</th>
              <th scope="col">Term</th>
              <th scope="col" className="num">GPU-h / month</th>
              <th scope="col" className="num" title="Mean saving of this commitment over the horizon">Expected saving</th>
              <th scope="col" className="num" title="Share of covered months in which demand stays below the committed hours">P(under-use)</th>
              <th scope="col" className="num">Months</th>
              <th scope="col"><span className="visually-hidden">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {pricing.recommendedCommitments.map((r) => {
              const c = curves.find((x) => x.gpu === r.gpu && x.term === r.term);
              return (
                <tr key={`${r.gpu}-${r.term}`} data-gpu={r.gpu} data-term={r.term}>
                  <th scope="row">{r.gpu}</th>
                  <td>{r.term}</td>
                  <td className="num" data-field="gpuHoursPerMonth">{formatNumber(r.gpuHoursPerMonth)}</td>
                  <td className="num" data-field="expectedSaving">{r.expectedSaving !== undefined ? formatMoney(r.expectedSaving, currency) : '—'}</td>
                  <td className="num" data-field="probabilityUnderUsed">{r.probabilityUnderUsed !== undefined ? formatPercent(r.probabilityUnderUsed) : '—'}</td>
                  <td className="num">{r.monthsCovered ?? '—'}</td>
                  <td>
                    <UseLevelButton gpu={r.gpu} term={r.term} level={r.gpuHoursPerMonth} configured={c?.configured} edit={edit} compact />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </div>
      ) : (
        <p className="muted" data-testid="recommended-none">No commitment lowers the expected cost of this scenario: buy on demand (and spot where allowed).</p>
      )}
      {pricing.notes?.length ? (
        <ul className="pricing-notes" aria-label="Notes on the commitments and the comparison">
          {pricing.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
