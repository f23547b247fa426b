/** The window: toolbar, navigation, the current view, notices and the confirm dialog. */
import { useEffect, useRef } from 'react';
import { AssumptionsView } from '../views/assumptions/AssumptionsView.tsx';
import { ForecastView } from '../views/forecast/ForecastView.tsx';
import { BudgetView } from '../views/budget/BudgetView.tsx';
import { CompareView } from '../views/compare/CompareView.tsx';
import { DataView } from '../views/data/DataView.tsx';
import { PricingView } from '../views/pricing/PricingView.tsx';
import { WelcomeView } from '../views/welcome/WelcomeView.tsx';
import type { ViewId } from '../store/app-store.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { NavBar } from './NavBar.tsx';
import { Notices } from './Notices.tsx';
import { useAppState, useServices } from './services.ts';
import { StatusBar } from './StatusBar.tsx';
import { Toolbar } from './Toolbar.tsx';
import { usePrefersDark } from './use-theme.ts';

function CurrentView({ view }: { view: ViewId }) {
  switch (view) {
    case 'welcome':
      return <WelcomeView />;
    case 'assumptions':
      return <AssumptionsView />;
    case 'forecast':
      return <ForecastView />;
    case 'pricing':
      return <PricingView />;
    case 'budget':
      return <BudgetView />;
    case 'compare':
      return <CompareView />;
    case 'data':
      return <DataView />;
  }
}

export function App() {
  const view = useAppState((s) => (s.document ? s.view : 'welcome'));
  const dark = usePrefersDark();
  const { platform } = useServices();
  // Each view starts at its top: the scroll offset of the last one means nothing in the next.
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    main.current?.scrollTo({ top: 0 });
  }, [view]);
  return (
    <div className={`app ${dark ? 'theme-dark' : 'theme-light'}`} data-platform={platform.kind} data-view={view}>
      <Toolbar />
      <div className="app-body">
        <NavBar current={view} />
        <main className="view" id="main" tabIndex={-1} aria-label="Main content" ref={main}>
          <CurrentView view={view} />
        </main>
      </div>
      <StatusBar />
      <Notices />
      <ConfirmDialog />
    </div>
  );
}
