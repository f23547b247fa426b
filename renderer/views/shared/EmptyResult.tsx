/** Shown while there is nothing to draw yet. */
import { useAppState } from '../../app/services.ts';
import { checkDocument } from '../../document/validation.ts';
import { currentDocument } from '../../store/app-store.ts';

export function EmptyResult({ title }: { title: string }) {
  const document = useAppState(currentDocument);
  const setView = useAppState((s) => s.setView);
  const errors = document ? checkDocument(document).errors.length : 0;
  return (
    <div className="card empty-result">
      <h1>{title}</h1>
      {errors ? (
        <p>
          The scenario has {errors} problem{errors === 1 ? '' : 's'} to fix before it can be forecast.{' '}
          <button type="button" className="link-button" onClick={() => setView('assumptions')}>
            Show them
          </button>
        </p>
      ) : (
        <p className="muted">Computing the preview…</p>
      )}
    </div>
  );
}
