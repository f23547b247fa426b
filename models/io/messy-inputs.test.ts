/**
 * The import acceptance in one place, the way the Data view runs it: bytes read from a real
 * file → readTable → suggestMapping → toMonthlySeries. Every messy input either imports (with
 * its problems reported) or fails with a message naming the row, the column and why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './table-read.ts';
import { isImportError } from './table-types.ts';
import { suggestMapping } from './usage-mapping.ts';
import { toMonthlySeries, type SeriesMapping } from './usage-series.ts';

const folder = mkdtempSync(join(tmpdir(), 'costcast-import-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Writes `content` to a file in the temp folder and imports it from disk like the app does. */
function importFile(name: string, content: string | Uint8Array, mapping?: Partial<SeriesMapping>) {
  const path = join(folder, name);
  writeFileSync(path, content);
  const table = readTable(new Uint8Array(readFileSync(path)), name);
  if (isImportError(table)) return { stage: 'read' as const, error: table };
  const guess = suggestMapping(table);
  if (isImportError(guess)) return { stage: 'mapping' as const, error: guess };
  const result = toMonthlySeries(table, { date: guess.date, value: guess.value, ...mapping });
  if (isImportError(result)) return { stage: 'series' as const, error: result, guess };
  return { stage: 'ok' as const, result, guess };
}

// A European spreadsheet export with every problem at once: ";" delimiter, day-first dates with
// dots, "1.234,56 €" amounts, an exact duplicate row (row 4 repeats row 3), a missing month
// (April) and a text cell in the amount column (row 7).
const european = [
  'Datum;Team;Kosten',
  '01.01.2026;Suche;1.234,56 €',
  '01.02.2026;Suche;1.310,20 €',
  '01.02.2026;Suche;1.310,20 €',
  '01.03.2026;Suche;1.402,75 €',
  '01.05.2026;Suche;1.515,00 €',
  '01.06.2026;Suche;ausstehend',
  '01.07.2026;Suche;1.760,40 €',
].join('\r\n');

describe('messy inputs import or fail precisely', () => {
  it('a European export: fails at the text cell with its row, column and text', () => {
    const outcome = importFile('kosten.csv', european);
    expect(outcome.stage).toBe('series');
    if (outcome.stage !== 'series') return;
    expect(outcome.guess).toMatchObject({ date: 'Datum', value: 'Kosten' });
    expect(outcome.error).toMatchObject({
      error: 'bad-number',
      row: 7,
      column: 'Kosten',
      message: 'Row 7, column "Kosten": "ausstehend" is not a number.',
    });
  });

  it('the same export with bad rows skipped: decimal commas read, the duplicate dropped, the gaps listed', () => {
    const outcome = importFile('kosten.csv', european, { skipBadRows: true });
    expect(outcome.stage).toBe('ok');
    if (outcome.stage !== 'ok') return;
    const { result } = outcome;
    expect(result.series['Kosten']).toEqual({ '2026-01': 1234.56, '2026-02': 1310.2, '2026-03': 1402.75, '2026-05': 1515, '2026-07': 1760.4 });
    expect(result.duplicates).toEqual([{ date: '2026-02-01', count: 2, rows: [4] }]);
    expect(result.gaps).toEqual(['2026-04', '2026-06']);
    const warnings = result.warnings.join(' ');
    expect(warnings).toMatch(/Dropped 1 exact duplicate/);
    expect(warnings).toMatch(/Skipped 1 row\(s\) with a bad date or value: row 7/);
  });

  it('an empty file', () => {
    expect(importFile('empty.csv', '')).toMatchObject({ stage: 'read', error: { error: 'empty-file', message: 'The file is empty.' } });
  });

  it('a binary file renamed .csv', () => {
    // The first bytes of a PNG image, then binary noise with NUL bytes.
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]);
    expect(importFile('photo.csv', bytes)).toMatchObject({
      stage: 'read',
      error: { error: 'binary-file', message: 'This file is not text (it looks binary); save it as CSV.' },
    });
  });

  it('a value without a date names the row and both columns', () => {
    const outcome = importFile('holes.csv', 'month,cost\n2026-01,10\n,12\n2026-03,14\n');
    expect(outcome.stage).toBe('series');
    if (outcome.stage !== 'series') return;
    expect(outcome.error).toMatchObject({ error: 'missing-date', row: 3, message: 'Row 3 has a value in "cost" but no date in "month".' });
  });

  it('a US export next to it: comma thousands, decimal points, month-first dates', () => {
    const outcome = importFile('spend.csv', 'Date,Spend\n01/15/2026,"$1,234.50"\n02/15/2026,"$1,300.00"\n03/15/2026,"$1,410.25"\n');
    expect(outcome.stage).toBe('ok');
    if (outcome.stage !== 'ok') return;
    expect(outcome.result.series['Spend']).toEqual({ '2026-01': 1234.5, '2026-02': 1300, '2026-03': 1410.25 });
  });
});
