/** The app's navigation between views; every view but Welcome needs an open document. */
import type { ViewId } from '../store/app-store.ts';
import { useAppState } from './services.ts';

export const NAV_ITEMS: readonly { id: ViewId; label: string; hint: string }[] = [
  { id: 'welcome', label: 'Welcome', hint: 'Open a file or start from a template' },
  { id: 'assumptions', label: 'Assumptions', hint: 'Drivers and workloads' },
  { id: 'forecast', label: 'Forecast', hint: 'Fan chart, breakdown, distribution, drivers of the spread' },
  { id: 'pricing', label: 'Pricing', hint: 'On-demand, committed, spot; cloud vs cloud' },
  { id: 'budget', label: 'Budget & ROI', hint: 'Budget risk, return, unit costs, chargeback' },
  { id: 'compare', label: 'Compare', hint: 'Baseline against variants' },
  { id: 'data', label: 'Data', hint: 'Import usage history and fit trends' },
];

export function NavBar({ current }: { current: ViewId }) {
  const hasDocument = useAppState((s) => s.document !== null);
  const setView = useAppState((s) => s.setView);
  return (
    <nav className="nav" aria-label="Views">
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === item.id ? 'page' : undefined}
              disabled={!hasDocument && item.id !== 'welcome'}
              title={item.hint}
              onClick={() => setView(item.id)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
