import { describe, expect, it } from 'vitest';
import { MAX_CELL_TEXT, SheetBuilder, cellRef, cellText, rangeRef, sheetRef } from './workbook-sheet.ts';

describe('references', () => {
  it('writes A1 addresses, absolute when asked, and quotes sheet names that need it', () => {
    expect(cellRef(0, 0)).toBe('A1');
    expect(cellRef(4, 27, true)).toBe('$AB$5');
    expect(rangeRef(1, 1, 12, 1)).toBe('B2:B13');
    expect(sheetRef('ROI', '$B$4')).toBe('ROI!$B$4');
    expect(sheetRef('Budget plan', '$F$5')).toBe("'Budget plan'!$F$5");
    expect(sheetRef("Bob's", 'A1')).toBe("'Bob''s'!A1");
  });
});

describe('SheetBuilder', () => {
  it('writes text as text whatever it starts with, and drops characters XML cannot hold', () => {
    const sheet = new SheetBuilder('S');
    sheet.text(0, 0, '=1+1');
    sheet.text(0, 1, '@SUM(A1)\u0001');
    const built = sheet.build();
    expect(built['A1']).toEqual({ t: 's', v: '=1+1' });
    expect(built['B1']).toEqual({ t: 's', v: '@SUM(A1)' });
    expect(cellText('x'.repeat(MAX_CELL_TEXT + 10))).toHaveLength(MAX_CELL_TEXT);
  });

  it('writes n/a instead of NaN, Infinity or a missing number', () => {
    const sheet = new SheetBuilder('S');
    sheet.number(0, 0, Number.NaN, '0');
    sheet.number(1, 0, Number.POSITIVE_INFINITY, '0');
    sheet.number(2, 0, undefined, '0');
    sheet.number(3, 0, 12.5, '0.0');
    const built = sheet.build();
    expect([built['A1'], built['A2'], built['A3']]).toEqual([{ t: 's', v: 'n/a' }, { t: 's', v: 'n/a' }, { t: 's', v: 'n/a' }]);
    expect(built['A4']).toEqual({ t: 'n', v: 12.5, z: '0.0' });
  });

  it('sizes columns from content (not from merged titles) within bounds', () => {
    const sheet = new SheetBuilder('S');
    sheet.text(0, 0, 'A very long title that spans several columns and must not widen the first one');
    sheet.merge(0, 0, 0, 3);
    sheet.text(1, 0, 'Month');
    sheet.text(1, 1, 'x'.repeat(200));
    const built = sheet.build();
    expect(built['!ref']).toBe('A1:D2');
    expect(built['!cols']!.map((c) => c.wch)).toEqual([8, 60, 8, 8]);
    expect(built['!merges']).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: 3 } }]);
  });
});
