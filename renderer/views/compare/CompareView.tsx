/** Compare: not built yet. */
import { EmptyResult } from '../shared/EmptyResult.tsx';

export function CompareView() {
  return <EmptyResult title="Compare" />;
}
