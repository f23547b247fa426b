/** Budget \& ROI: not built yet. */
import { EmptyResult } from '../shared/EmptyResult.tsx';

export function BudgetView() {
  return <EmptyResult title="Budget \& ROI" />;
}
