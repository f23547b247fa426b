import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { readTable, previewRows } from './table-read.ts';
import { isImportError, type ImportedTable, type ImportError } from './table-types.ts';

const fixtureDir = fileURLToPath(new URL('../../test/fixtures/import/', import.meta.url));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(fixtureDir, name)));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function table(result: ImportedTable | ImportError): ImportedTable {
  if (isImportError(result)) throw new Error(`expected a table, got: ${result.message}`);
  return result;
}

const tempDir = mkdtempSync(path.join(tmpdir(), 'costcast-import-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/** Writes a workbook to the temp folder and reads the bytes back, as the app would get them. */
function workbookBytes(sheets: Record<string, unknown[][]>, bookType: XLSX.BookType, fileName: string): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), name);
  const file = path.join(tempDir, fileName);
  writeFileSync(file, XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer);
  return new Uint8Array(readFileSync(file));
}

describe('readTable on text files', () => {
  it('reads the clean ISO fixture with its header', () => {
    const t = table(readTable(fixture('clean-iso-monthly.csv'), 'clean-iso-monthly.csv'));
    expect(t.columns).toEqual(['month', 'active_users', 'requests', 'cost_usd']);
    expect(t.rows).toHaveLength(12);
    expect(t.rows[0]).toEqual(['2025-01', '1200', '48000', '100.8']);
    expect(t).toMatchObject({ format: 'csv', delimiter: ',', encoding: 'utf-8', headerRow: 1, warnings: [] });
    expect(t.rowNumbers.slice(0, 3)).toEqual([2, 3, 4]);
  });

  it('reads the semicolon fixture with CRLF line ends', () => {
    const t = table(readTable(fixture('european-semicolon.csv'), 'european-semicolon.csv'));
    expect(t.delimiter).toBe(';');
    expect(t.columns).toEqual(['Monat', 'Kosten (EUR)', 'Aktive Nutzer']);
    expect(t.rows[0]).toEqual(['01.01.2025', '1.234,56 €', '1.050']);
  });

  it('reads the UTF-16 tab-separated fixture', () => {
    const t = table(readTable(fixture('unicode-text-utf16.txt'), 'unicode-text-utf16.txt'));
    expect(t).toMatchObject({ delimiter: '\t', encoding: 'utf-16le' });
    expect(t.columns).toEqual(['Mois', 'Coût (€)', 'Utilisateurs']);
    expect(t.rows).toHaveLength(6);
  });

  it('names columns "Column N" when the first row is data', () => {
    const t = table(readTable(text('2026-01,12\n2026-02,13\n'), 'x.csv'));
    expect(t.columns).toEqual(['Column 1', 'Column 2']);
    expect(t.headerRow).toBeNull();
    expect(t.rowNumbers).toEqual([1, 2]);
    const forced = table(readTable(text('2026-01,12\n2026-02,13\n'), 'x.csv', { header: true }));
    expect(forced.columns).toEqual(['2026-01', '12']);
    expect(forced.rows).toEqual([['2026-02', '13']]);
  });

  it('skips blank lines but keeps spreadsheet row numbers, and skips a title line', () => {
    const t = table(readTable(text('Usage export for ACME\n\ndate,cost\n\n2026-01-01,5\n,,\n2026-01-02,6\n'), 'x.csv'));
    expect(t.columns).toEqual(['date', 'cost']);
    expect(t.rows).toEqual([
      ['2026-01-01', '5'],
      ['2026-01-02', '6'],
    ]);
    expect(t.rowNumbers).toEqual([5, 7]);
    expect(t.headerRow).toBe(3);
    expect(t.warnings[0]).toMatch(/Skipped 1 line\(s\) above the table/);
  });

  it('makes column names unique and pads short rows', () => {
    const t = table(readTable(text('cost,cost,\n1,2,3\n4\n'), 'x.csv'));
    expect(t.columns).toEqual(['cost', 'cost (2)', 'Column 3']);
    expect(t.rows).toEqual([
      ['1', '2', '3'],
      ['4', '', ''],
    ]);
    expect(t.warnings.join(' ')).toMatch(/repeat an earlier one/);
  });

  it('warns when a quoted value never closes', () => {
    const t = table(readTable(text('date,note\n2026-01-01,"oops\n2026-01-02,fine\n'), 'x.csv'));
    expect(t.warnings.join(' ')).toMatch(/starts in row 2 never closes/);
  });

  it('gives each broken file its own error', () => {
    expect(readTable(fixture('empty.csv'), 'empty.csv')).toMatchObject({ error: 'empty-file', message: 'The file is empty.' });
    expect(readTable(text('\n\n  \n'), 'blank.csv')).toMatchObject({ error: 'empty-file' });
    expect(readTable(fixture('header-only.csv'), 'header-only.csv')).toMatchObject({
      error: 'header-only',
      message: 'The file has a header row (date, cost) but no data rows.',
      row: 1,
    });
    expect(readTable(fixture('binary-renamed.csv'), 'binary-renamed.csv')).toMatchObject({
      error: 'binary-file',
      message: 'This file is not text (it looks binary); save it as CSV.',
    });
  });

  it('shows cells as text for a preview', () => {
    const t = table(readTable(text('date,cost\n2026-01,1\n2026-02,2\n2026-03,3\n'), 'x.csv'));
    expect(previewRows(t, 2)).toEqual([
      ['2026-01', '1'],
      ['2026-02', '2'],
    ]);
  });
});

describe('readTable on workbooks', () => {
  const usage = [
    ['Month', 'Active users', 'Cost (USD)', 'Note'],
    [new Date(Date.UTC(2026, 0, 1)), 1200, 1234.5, 'launch'],
    [new Date(Date.UTC(2026, 1, 1)), 1350, 1410.25, true],
    [new Date(Date.UTC(2026, 2, 1, 12, 0, 0)), 1500, 1600, null],
  ];

  it('reads an XLSX written to disk: dates as ISO text, numbers as numbers, sheet names kept', () => {
    const bytes = workbookBytes({ Cover: [], Usage: usage, Notes: [['free text']] }, 'xlsx', 'usage.xlsx');
    const t = table(readTable(bytes, 'usage.xlsx'));
    expect(t.format).toBe('xlsx');
    expect(t.sheetNames).toEqual(['Cover', 'Usage', 'Notes']);
    expect(t.sheetName).toBe('Usage');
    expect(t.columns).toEqual(['Month', 'Active users', 'Cost (USD)', 'Note']);
    expect(t.rows).toEqual([
      ['2026-01-01', 1200, 1234.5, 'launch'],
      ['2026-02-01', 1350, 1410.25, 'TRUE'],
      ['2026-03-01T12:00:00', 1500, 1600, ''],
    ]);
    expect(t.rowNumbers).toEqual([2, 3, 4]);
    expect(t.warnings.join(' ')).toMatch(/2 sheets with data; "Usage" was read/);
  });

  it('reads the sheet the user chooses, and names the sheets when the choice does not exist', () => {
    const bytes = workbookBytes({ Usage: usage, Other: [['day', 'cost'], ['2026-01-05', 7]] }, 'xlsx', 'two.xlsx');
    expect(table(readTable(bytes, 'two.xlsx', { sheet: 'Other' })).rows).toEqual([['2026-01-05', 7]]);
    expect(readTable(bytes, 'two.xlsx', { sheet: 'Missing' })).toMatchObject({
      error: 'unknown-sheet',
      message: 'The workbook has no sheet named "Missing"; its sheets are "Usage", "Other".',
    });
  });

  it('reads ODS and legacy XLS the same way', () => {
    for (const [bookType, name] of [
      ['ods', 'usage.ods'],
      ['biff8', 'usage.xls'],
    ] as const) {
      const t = table(readTable(workbookBytes({ Usage: usage }, bookType, name), name));
      expect(t.rows[0]).toEqual(['2026-01-01', 1200, 1234.5, 'launch']);
    }
  });

  it('reads a workbook renamed .csv as a workbook, with a warning', () => {
    const t = table(readTable(workbookBytes({ Usage: usage }, 'xlsx', 'renamed.csv'), 'renamed.csv'));
    expect(t.format).toBe('spreadsheet');
    expect(t.warnings[0]).toMatch(/named like a text file but is a spreadsheet workbook/);
  });

  it('reads a CSV renamed .xlsx as text, with a warning', () => {
    const t = table(readTable(text('date,cost\n2026-01,5\n'), 'fake.xlsx'));
    expect(t.format).toBe('csv');
    expect(t.warnings[0]).toMatch(/named like a workbook but holds plain text/);
  });

  it('reports an empty workbook and a corrupt one', () => {
    expect(readTable(workbookBytes({ A: [], B: [] }, 'xlsx', 'empty.xlsx'), 'empty.xlsx')).toMatchObject({
      error: 'empty-workbook',
      message: 'Every sheet of "empty.xlsx" is empty ("A", "B").',
    });
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(readTable(corrupt, 'broken.xlsx')).toMatchObject({ error: 'unreadable-spreadsheet' });
  });

  it('says when the chosen sheet is empty', () => {
    const bytes = workbookBytes({ Usage: usage, Blank: [] }, 'xlsx', 'blank.xlsx');
    expect(readTable(bytes, 'blank.xlsx', { sheet: 'Blank' })).toMatchObject({ error: 'empty-sheet', message: 'Sheet "Blank" is empty.' });
  });

  it('reads a header-only sheet as its own error', () => {
    expect(readTable(workbookBytes({ Usage: [['Month', 'Cost']] }, 'xlsx', 'head.xlsx'), 'head.xlsx')).toMatchObject({
      error: 'header-only',
    });
  });
});
