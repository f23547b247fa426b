/**
 * Number formats of the workbook, built from the scenario's currency. A currency with a
 * well-known symbol that is written before the amount gets it ("$"#,##0 for USD); the euro is
 * written after the amount; any other code is spelled out after it (#,##0 "CHF"), which reads
 * the same in every locale. Whole units for totals, cents where a price is small (per GPU-hour,
 * per unit).
 */

export interface NumberFormats {
  /** Money in whole currency units. */
  money: string;
  /** Money with two decimals (prices, unit costs, NPV). */
  money2: string;
  /** A share shown as a percentage with one decimal. */
  percent: string;
  /** A count with thousands separators. */
  count: string;
  /** A plain number with one decimal (months, tonnes). */
  decimal1: string;
  /** A coefficient with two decimals (rank correlations). */
  decimal2: string;
  /** A small rate as a percentage with four decimals (the monthly discount rate). */
  ratePercent: string;
}

const PREFIX_SYMBOLS: Record<string, string> = { USD: '$', GBP: '£', JPY: '¥', INR: '₹' };
const SUFFIX_SYMBOLS: Record<string, string> = { EUR: '€' };

/** A number format for money in `currency` (an ISO 4217 code) with 0 or 2 decimals. */
export function currencyFormat(currency: string, decimals: 0 | 2): string {
  const number = decimals === 2 ? '#,##0.00' : '#,##0';
  const prefix = PREFIX_SYMBOLS[currency];
  if (prefix !== undefined) return `"${prefix}"${number}`;
  const suffix = SUFFIX_SYMBOLS[currency] ?? (/^[A-Z]{3}$/.test(currency) ? currency : undefined);
  return suffix === undefined ? number : `${number} "${suffix}"`;
}

/** Every number format the workbook uses, for one currency. */
export function numberFormats(currency: string): NumberFormats {
  return {
    money: currencyFormat(currency, 0),
    money2: currencyFormat(currency, 2),
    percent: '0.0%',
    count: '#,##0',
    decimal1: '#,##0.0',
    decimal2: '0.00',
    ratePercent: '0.0000%',
  };
}
