/** Pricing: not built yet. */
import { EmptyResult } from '../shared/EmptyResult.tsx';

export function PricingView() {
  return <EmptyResult title="Pricing" />;
}
