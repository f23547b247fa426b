/** Human output of the CLI: money in the scenario's currency, percentages, aligned tables. */

/** Formats money with no decimals (cents on small unit costs). */
export function money(value: number, currency: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) < 100 && value !== 0 ? 2 : 0;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

export function percent(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(digits)} %` : 'n/a';
}

export function number(value: number, digits = 0): string {
  return Number.isFinite(value) ? new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value) : 'n/a';
}

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
