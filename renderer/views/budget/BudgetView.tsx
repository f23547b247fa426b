/**
 * Budget & ROI: budget risk (P(over budget), expected overrun, cumulative spend against the
 * budget, overrun by month, first breach, threshold alerts, tag budgets), return (ROI, NPV,
 * payback distributions), unit costs and chargeback. The budget and the value are edited here
 * as undoable steps; every number comes from the engine's result.
 */
import { useAppState } from '../../app/services.ts';
import { currentDocument } from '../../store/app-store.ts';
import { useDocumentEdit } from '../assumptions/use-document-edit.ts';
import { EmptyResult } from '../shared/EmptyResult.tsx';
import { ResultHeader } from '../shared/ResultHeader.tsx';
import { useShownForecast } from '../shared/use-result.ts';
import { BudgetSection } from './BudgetSection.tsx';
import { RoiSection } from './RoiSection.tsx';
import { ChargebackPanel, UnitCostsPanel } from './UnitsAndChargeback.tsx';
import './budget.css';

export function BudgetView() {
  const shown = useShownForecast();
  const document = useAppState(currentDocument);
  const edit = useDocumentEdit();
  if (!shown) return <EmptyResult title="Budget & ROI" />;
  const { result } = shown;
  return (
    <div className="budget-view">
      <ResultHeader shown={shown} title="Budget & ROI" />
      <h2 className="budget-section-title">Budget</h2>
      <BudgetSection result={result} document={document} edit={edit} />
      <h2 className="budget-section-title">Return on the spend</h2>
      <RoiSection result={result} document={document} edit={edit} />
      <h2 className="budget-section-title">Unit costs and chargeback</h2>
      <UnitCostsPanel result={result} />
      <ChargebackPanel result={result} />
    </div>
  );
}
