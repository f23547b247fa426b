/** Data: not built yet. */
import { EmptyResult } from '../shared/EmptyResult.tsx';

export function DataView() {
  return <EmptyResult title="Data" />;
}
