/**
 * The scenario edits of the Budget & ROI view, as pure functions over the document JSON: the
 * budget's amount (over the horizon or per month) and alert thresholds, and the value for ROI.
 * Each returns a new document (one undo step); the engine decides whether it is valid.
 */
import type { ScenarioDocument } from '../../document/document-text.ts';
import { isJsonObject } from '../../../models/scenario/json-pointer.ts';

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A round figure near `value` (two significant digits, rounded up): a budget a planner would write. */
export function roundBudget(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1000;
  const step = Math.pow(10, Math.floor(Math.log10(value)) - 1);
  return Math.ceil(value / step) * step;
}

export type BudgetMode = 'total' | 'monthly';

export function budgetOf(document: ScenarioDocument): Json | null {
  return isJsonObject(document.budget) ? document.budget : null;
}

/** Whether the budget is written for the whole horizon or per month (null: no budget). */
export function budgetMode(document: ScenarioDocument): BudgetMode | null {
  const budget = budgetOf(document);
  if (!budget) return null;
  return budget.monthly !== undefined ? 'monthly' : 'total';
}

/** Adds a budget for the whole horizon (thresholds left at the engine's default of 80 % and 100 %). */
export function addBudget(document: ScenarioDocument, total: number): ScenarioDocument {
  return { ...clone(document), budget: { total } };
}

function horizonMonths(document: ScenarioDocument): number {
  return typeof document.months === 'number' && document.months > 0 ? document.months : 12;
}

/**
 * Switches between a budget over the horizon and one per month, keeping its size: a total
 * becomes the same amount spread evenly over the months (rounded to whole units), a monthly
 * budget (one amount or one per month) becomes its sum over the horizon.
 */
export function switchBudgetMode(document: ScenarioDocument, mode: BudgetMode): ScenarioDocument {
  const budget = budgetOf(document);
  if (!budget || budgetMode(document) === mode) return document;
  const months = horizonMonths(document);
  const next = clone(document);
  const { total, monthly, ...rest } = budget;
  if (mode === 'monthly') {
    next.budget = { ...rest, monthly: Math.round((typeof total === 'number' ? total : 0) / months) };
  } else {
    const perMonth = Array.isArray(monthly) ? monthly.map(Number) : [];
    const sum = Array.isArray(monthly)
      ? Array.from({ length: months }, (_, m) => perMonth[Math.min(m, perMonth.length - 1)] ?? 0).reduce((a, b) => a + b, 0)
      : (typeof monthly === 'number' ? monthly : 0) * months;
    next.budget = { ...rest, total: sum };
  }
  return next;
}

/** Alert thresholds as the user types them, percentages of the budget: "80, 100" → [0.8, 1]. */
export function parseThresholds(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).map((p) => p.trim().replace(/%$/, '')).filter(Boolean);
  if (!parts.length) return null;
  const shares = parts.map((p) => Number(p) / 100);
  if (shares.some((s) => !Number.isFinite(s) || s <= 0 || s > 10)) return null;
  return [...new Set(shares.map((s) => Number(s.toPrecision(6))))].sort((a, b) => a - b);
}

/** Thresholds as the field shows them: [0.8, 1] → "80, 100". */
export function thresholdsText(levels: readonly number[]): string {
  return levels.map((l) => String(Number((l * 100).toPrecision(6)))).join(', ');
}

/** Adds a value for ROI: a monthly value to fill in and the engine's default discount rate. */
export function addValue(document: ScenarioDocument): ScenarioDocument {
  return { ...clone(document), value: { monthly: 0, discountRate: 0.1 } };
}
