/** The result a view shows and the scenario it belongs to, from the store. */
import { useShallow } from 'zustand/react/shallow';
import { useAppState } from '../../app/services.ts';
import { checkDocument } from '../../document/validation.ts';
import { currentDocument, shownResult } from '../../store/app-store.ts';
import type { Scenario } from '../../../models/scenario/schema.ts';
import type { ForecastResult } from '../../../models/simulate/result.ts';

export interface ShownForecast {
  result: ForecastResult;
  kind: 'full' | 'preview';
  stale: boolean;
  /** The valid scenario of the current document, or null while it has errors. */
  scenario: Scenario | null;
}

export function useShownForecast(): ShownForecast | null {
  const shown = useAppState(useShallow(shownResult));
  const document = useAppState(currentDocument);
  if (!shown) return null;
  return { ...shown, scenario: document ? checkDocument(document).scenario : null };
}
