/** The budget, edited in place: over the horizon or per month, its amount and its alert thresholds; each change one undo step. */
import { parseNumberList } from '../assumptions/driver-forms.ts';
import { NumberField, TextField } from '../assumptions/fields.tsx';
import type { DocumentEdit } from '../assumptions/use-document-edit.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { budgetMode, budgetOf, parseThresholds, switchBudgetMode, thresholdsText } from './budget-edits.ts';

const DEFAULT_THRESHOLDS = [0.8, 1];

export function BudgetEditor({ document, edit, amountHint }: { document: ScenarioDocument; edit: DocumentEdit; amountHint: string }) {
  const budget = budgetOf(document);
  const mode = budgetMode(document);
  if (!budget || !mode) return null;
  const thresholds = Array.isArray(budget.thresholds) ? budget.thresholds.filter((t): t is number => typeof t === 'number') : null;
  return (
    <section className="panel budget-editor" aria-labelledby="budget-editor-title" data-testid="budget-editor">
      <div className="panel-head">
        <h2 id="budget-editor-title">The budget</h2>
        <div className="segmented" role="group" aria-label="Budget for">
          <button type="button" aria-pressed={mode === 'total'} onClick={() => edit.change('budget the whole horizon', (doc) => switchBudgetMode(doc, 'total'))}>
            Whole horizon
          </button>
          <button type="button" aria-pressed={mode === 'monthly'} onClick={() => edit.change('budget per month', (doc) => switchBudgetMode(doc, 'monthly'))}>
            Per month
          </button>
        </div>
      </div>
      <div className="budget-fields">
        {mode === 'total' ? (
          <label className="field">
            <span>Budget for the whole horizon ({amountHint})</span>
            <NumberField label="Budget for the whole horizon" value={typeof budget.total === 'number' ? budget.total : undefined} onCommit={(v) => v !== undefined && edit.set('/budget/total', v, 'change the budget')} />
          </label>
        ) : Array.isArray(budget.monthly) ? (
          <label className="field field-wide">
            <span>Budget per month, one amount each (the last repeats)</span>
            <TextField
              className="formula-input"
              label="Budget per month"
              value={budget.monthly.join(', ')}
              validate={(text) => (parseNumberList(text) ? null : 'amounts per month, e.g. 40000, 45000, 50000')}
              onCommit={(text) => edit.set('/budget/monthly', parseNumberList(text), 'change the monthly budget')}
            />
          </label>
        ) : (
          <label className="field">
            <span>Budget per month</span>
            <NumberField label="Budget per month" value={typeof budget.monthly === 'number' ? budget.monthly : undefined} onCommit={(v) => v !== undefined && edit.set('/budget/monthly', v, 'change the monthly budget')} />
          </label>
        )}
        <label className="field">
          <span>Alert thresholds (% of the budget)</span>
          <TextField
            label="Alert thresholds (% of the budget)"
            value={thresholdsText(thresholds ?? DEFAULT_THRESHOLDS)}
            validate={(text) => (parseThresholds(text) ? null : 'percentages above 0, e.g. 80, 100')}
            onCommit={(text) => edit.set('/budget/thresholds', parseThresholds(text), 'change the alert thresholds')}
          />
        </label>
      </div>
      <p className="muted small-print">
        Per-tag budgets (budget.byTag) are checked against the spend of the workloads carrying the tag. Remove the budget to forecast without one:{' '}
        <button type="button" className="link-button" onClick={() => edit.remove('/budget', 'remove the budget')}>
          Remove the budget
        </button>
      </p>
    </section>
  );
}
