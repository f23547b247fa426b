/** One line at the bottom: problems in the document, the preview and the last full run. */
import { formatNumber } from '../../models/io/display-format.ts';
import { checkDocument } from '../document/validation.ts';
import { currentDocument } from '../store/app-store.ts';
import { useAppState } from './services.ts';

export function StatusBar() {
  const document = useAppState(currentDocument);
  const preview = useAppState((s) => s.preview);
  const full = useAppState((s) => s.full);
  const revision = useAppState((s) => s.document?.revision ?? -1);
  const setView = useAppState((s) => s.setView);
  if (!document) return <footer className="status-bar" />;
  const check = checkDocument(document);
  return (
    <footer className="status-bar" data-testid="status-bar">
      {check.errors.length ? (
        <button type="button" className="link-button status-error" onClick={() => setView('assumptions')}>
          {check.errors.length} problem{check.errors.length === 1 ? '' : 's'} to fix
        </button>
      ) : (
        <span className="status-ok">Valid</span>
      )}
      <span data-testid="preview-status" data-preview-revision={preview.revision} data-revision={revision} data-preview-ms={preview.elapsedMs ?? ''}>
        {preview.status === 'running'
          ? 'Preview: running…'
          : preview.status === 'error'
            ? `Preview failed: ${preview.error ?? ''}`
            : preview.result
              ? `Preview: ${formatNumber(preview.result.trials)} trials in ${formatNumber(preview.elapsedMs ?? 0)} ms`
              : 'Preview: waiting'}
      </span>
      <span data-testid="full-status">
        {full.status === 'running'
          ? full.summary
            ? `Summarizing ${formatNumber(full.trials)} trials…`
            : `Running ${formatNumber(full.done)} / ${formatNumber(full.trials)} trials…`
          : full.status === 'cancelled'
            ? 'Run cancelled'
            : full.status === 'error'
              ? `Run failed: ${full.error ?? ''}`
              : full.result
                ? `Last run: ${formatNumber(full.result.trials)} trials, seed ${full.result.seed}, ${full.result.sampling === 'lhs' ? 'Latin hypercube' : 'random'} sampling, ${((full.elapsedMs ?? 0) / 1000).toFixed(1)} s${full.revision !== revision ? ' (before the latest edits)' : ''}`
                : 'Not run yet — press Run for the full forecast'}
      </span>
    </footer>
  );
}
