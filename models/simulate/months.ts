/** Calendar months as `YYYY-MM` labels and as month counts since year 0 (for arithmetic). */

/** Months since year 0 of a `YYYY-MM` label. */
export function monthIndex(label: string): number {
  const [year, month] = label.split('-').map(Number);
  return (year ?? 0) * 12 + (month ?? 1) - 1;
}

/** The `YYYY-MM` label `count` months after `label`. */
export function addMonths(label: string, count: number): string {
  const index = monthIndex(label) + count;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}
