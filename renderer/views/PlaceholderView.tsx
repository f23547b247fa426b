/** A view whose screen is not built yet. */
import type { ViewId } from '../store/app-store.ts';

export function PlaceholderView({ view }: { view: ViewId }) {
  return (
    <div className="card">
      <h1>{view}</h1>
      <p className="muted">This view is on its way.</p>
    </div>
  );
}
