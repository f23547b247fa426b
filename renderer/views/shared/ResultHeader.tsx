/** What the numbers below are: a preview or the full run, how many trials, how precise, how fresh. */
import { formatMoney, formatNumber, formatPercent } from '../../../models/io/display-format.ts';
import { useAppState, useCommands } from '../../app/services.ts';
import type { ShownForecast } from './use-result.ts';

export function ResultHeader({ shown, title }: { shown: ShownForecast; title: string }) {
  const commands = useCommands();
  const running = useAppState((s) => s.full.status === 'running');
  const { result, kind, stale } = shown;
  const p50 = result.total.p50;
  return (
    <div className="result-header">
      <h1>{title}</h1>
      <div className="result-meta" data-testid="result-meta" data-kind={kind} data-trials={result.trials} data-stale={stale}>
        <span className={`badge ${kind === 'full' ? 'badge-full' : 'badge-preview'}`}>{kind === 'full' ? 'Full run' : 'Live preview'}</span>
        <span>
          {formatNumber(result.trials)} trials · seed {result.seed} · {result.sampling === 'lhs' ? 'Latin hypercube' : 'random sampling'}
        </span>
        <span title="Standard error of the P50 and P90 of the horizon total">
          precision: P50 ± {formatMoney(result.precision.p50StdError, result.currency)} ({formatPercent(p50 ? result.precision.p50StdError / p50 : 0, 2)}), P90 ±{' '}
          {formatMoney(result.precision.p90StdError, result.currency)}
        </span>
        {stale ? <span className="badge badge-stale">from before the latest edits</span> : null}
        {kind === 'preview' && !running ? (
          <button type="button" className="link-button" onClick={() => void commands.run()}>
            Run the full forecast
          </button>
        ) : null}
      </div>
      {result.warnings?.length ? (
        <ul className="warnings">
          {result.warnings.map((warning, i) => (
            <li key={i}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
