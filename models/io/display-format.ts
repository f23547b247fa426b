/**
 * Numbers as people read them, for every edge that shows them (the app, the command line):
 * money in the scenario's currency with no cents (cents only on small unit costs), shares as
 * percentages, counts with separators. The engine itself never rounds; only these edges do.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.NumberFormat(locale, options)));
  return cached;
}

/** Money with no decimals, or two below 100 (unit costs); `n/a` for a non-finite value. */
export function formatMoney(value: number, currency: string, locale = 'en-US'): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) < 100 && value !== 0 ? 2 : 0;
  return formatter(locale, { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** Money in a short form for chart axes: $1.2M, $350K. */
export function formatMoneyShort(value: number, currency: string, locale = 'en-US'): string {
  if (!Number.isFinite(value)) return 'n/a';
  return formatter(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A share as a percentage, `0.2267` → `22.7 %`. */
export function formatPercent(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(digits)} %` : 'n/a';
}

/** A count or quantity with separators and a fixed number of decimals. */
export function formatNumber(value: number, digits = 0, locale = 'en-US'): string {
  return Number.isFinite(value) ? formatter(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value) : 'n/a';
}

/** How a unit cost is labelled: `per active_user`, `per 1,000 requests` (a count of more than one takes the plural). */
export function unitCostLabel(name: string, per = 1): string {
  if (per === 1) return `per ${name}`;
  return `per ${formatNumber(per, Number.isInteger(per) ? 0 : 2)} ${name.endsWith('s') ? name : `${name}s`}`;
}
