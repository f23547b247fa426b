/** Human output of the CLI: money in the scenario's currency, percentages, aligned tables. */

import { formatMoney, formatNumber, formatPercent } from '../models/io/display-format.ts';

/** The same number formats as the app (models/io/display-format.ts), under the CLI's short names. */
export const money = (value: number, currency: string): string => formatMoney(value, currency);
export const percent = formatPercent;
export const number = (value: number, digits = 0): string => formatNumber(value, digits);

/** A table with a header row; numeric-looking columns (all but the first) right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    indent + cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** A one-line progress bar for stderr. */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total ? done / total : 1;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(share * 100)} % (${number(done)} / ${number(total)} trials)`;
}
