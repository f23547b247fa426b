/**
 * The FinOps FOCUS (1.0–1.3) column names the importer knows, and how a table is recognised
 * as a FOCUS billing export. Names are matched without regard to case, because exports
 * re-saved by spreadsheet tools sometimes change it.
 */

import type { ImportedTable } from './table-types.ts';

/** FOCUS columns used or recognised (spec `columns/`, versions 1.0–1.3). */
export const FOCUS_COLUMNS = [
  'AvailabilityZone', 'BilledCost', 'BillingAccountId', 'BillingAccountName', 'BillingAccountType', 'BillingCurrency',
  'BillingPeriodEnd', 'BillingPeriodStart', 'CapacityReservationId', 'CapacityReservationStatus', 'ChargeCategory',
  'ChargeClass', 'ChargeDescription', 'ChargeFrequency', 'ChargePeriodEnd', 'ChargePeriodStart', 'CommitmentDiscountCategory',
  'CommitmentDiscountId', 'CommitmentDiscountName', 'CommitmentDiscountQuantity', 'CommitmentDiscountStatus',
  'CommitmentDiscountType', 'CommitmentDiscountUnit', 'ConsumedQuantity', 'ConsumedUnit', 'ContractedCost',
  'ContractedUnitPrice', 'EffectiveCost', 'HostProviderName', 'InvoiceId', 'InvoiceIssuerName', 'ListCost', 'ListUnitPrice',
  'PricingCategory', 'PricingCurrency', 'PricingQuantity', 'PricingUnit', 'ProviderName', 'PublisherName', 'RegionId',
  'RegionName', 'ResourceId', 'ResourceName', 'ResourceType', 'ServiceCategory', 'ServiceName', 'ServiceProviderName',
  'ServiceSubcategory', 'SkuId', 'SkuMeter', 'SkuPriceDetails', 'SkuPriceId', 'SubAccountId', 'SubAccountName',
  'SubAccountType', 'Tags',
] as const;

export type FocusColumn = (typeof FOCUS_COLUMNS)[number];

const KNOWN = new Set<string>(FOCUS_COLUMNS.map((c) => c.toLowerCase()));
const COST_COLUMNS = ['effectivecost', 'billedcost', 'listcost', 'contractedcost'];
/** Fewest FOCUS column names for a table to count as a FOCUS export. */
const MIN_FOCUS_COLUMNS = 3;

/** Index of a FOCUS column in `columns` (case-insensitive), or -1. */
export function focusColumnIndex(columns: readonly string[], name: FocusColumn): number {
  const wanted = name.toLowerCase();
  return columns.findIndex((c) => c.trim().toLowerCase() === wanted);
}

/** True when the table has at least three FOCUS column names, one of them a cost column. */
export function isFocusTable(table: Pick<ImportedTable, 'columns'>): boolean {
  const names = table.columns.map((c) => c.trim().toLowerCase());
  const known = names.filter((c) => KNOWN.has(c)).length;
  return known >= MIN_FOCUS_COLUMNS && names.some((c) => COST_COLUMNS.includes(c));
}
