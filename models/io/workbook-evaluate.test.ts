import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { WorkbookEvaluator, fillCachedValues, tokenize } from './workbook-evaluate.ts';

function book(sheets: Record<string, XLSX.WorkSheet>, names: XLSX.DefinedName[] = []): XLSX.WorkBook {
  return { SheetNames: Object.keys(sheets), Sheets: sheets, Workbook: { Names: names } };
}

const data: XLSX.WorkSheet = {
  A1: { t: 'n', v: 1 },
  A2: { t: 'n', v: 2 },
  A3: { t: 's', v: 'text' },
  A4: { t: 'n', v: 4 },
  B1: { t: 'n', v: 0 },
  '!ref': 'A1:B5',
};

describe('WorkbookEvaluator', () => {
  const evaluator = new WorkbookEvaluator(book({ Data: data, 'Other sheet': { C3: { t: 'n', v: 10 }, '!ref': 'C3' } }, [{ Name: 'Rate', Ref: 'Data!$A$2' }]));
  const calc = (formula: string) => evaluator.formula(formula, 'Data');

  it('follows Excel precedence: unary minus binds tighter than ^, ^ tighter than * and +', () => {
    expect(calc('2+3*4^2')).toBe(50);
    expect(calc('-2^2')).toBe(4);
    expect(calc('(1+2)*3-4/2')).toBe(7);
    expect(calc('2^3^2')).toBe(64);
  });

  it('SUM skips text and blanks in ranges; arithmetic on text is #VALUE!; x/0 is #DIV/0!', () => {
    expect(calc('SUM(A1:A5)')).toBe(7);
    expect(calc('A1+A3')).toEqual({ error: '#VALUE!' });
    expect(calc('A1/B1')).toEqual({ error: '#DIV/0!' });
    expect(calc('A5+1')).toBe(1);
    expect(calc('SUM(A1:A5,A3)')).toEqual({ error: '#VALUE!' });
  });

  it('COUNT, MIN, IF and comparisons', () => {
    expect(calc('COUNT(A1:A5)')).toBe(3);
    expect(calc('MIN(A1:A4)')).toBe(1);
    expect(calc('MIN(A3:A3)')).toBe(0);
    expect(calc('IF(A4>=4,"yes","no")')).toBe('yes');
    expect(calc('IF(A4<4,"yes","")')).toBe('');
    expect(calc('IF(COUNT(A3:A3)=0,"none",MIN(A3:A3))')).toBe('none');
    expect(calc('"a"="A"')).toBe(true);
  });

  it('NPV discounts flows at the end of periods 1, 2, … and skips text', () => {
    // 1/1.1 + 2/1.1² + 4/1.1³ (the text in A3 is skipped, as in Excel).
    expect(calc('NPV(0.1,A1:A4)')).toBeCloseTo(1 / 1.1 + 2 / 1.21 + 4 / 1.331, 12);
  });

  it('resolves defined names and references to quoted sheet names', () => {
    expect(calc('(1+Rate)^2')).toBe(9);
    expect(calc("'Other sheet'!C3*2")).toBe(20);
    expect(calc("SUM('Other sheet'!$C$3:$C$3)")).toBe(10);
  });

  it('throws on anything outside the subset rather than guessing', () => {
    expect(() => calc('VLOOKUP(1,A1:A4,1)')).toThrow(/not in the workbook's formula subset/);
    expect(() => calc('UnknownName+1')).toThrow(/unknown name/);
    expect(() => tokenize('A1 # 2')).toThrow(/unsupported formula syntax/);
  });

  it('detects circular references', () => {
    const circular = new WorkbookEvaluator(book({ S: { A1: { t: 'n', f: 'B1+1', v: 0 }, B1: { t: 'n', f: 'A1+1', v: 0 }, '!ref': 'A1:B1' } }));
    expect(() => circular.cell('S', 'A1')).toThrow(/circular/);
  });
});

describe('fillCachedValues', () => {
  it('caches each formula’s value and type', () => {
    const workbook = book({ S: { A1: { t: 'n', v: 3 }, A2: { t: 'n', f: 'A1*2', v: 0 }, A3: { t: 'n', f: 'IF(A2>5,"big","small")', v: 0 }, '!ref': 'A1:A3' } });
    fillCachedValues(workbook);
    expect(workbook.Sheets['S']!['A2']).toMatchObject({ t: 'n', v: 6, f: 'A1*2' });
    expect(workbook.Sheets['S']!['A3']).toMatchObject({ t: 's', v: 'big' });
  });

  it('replaces a formula that would be an error by the text n/a, and re-evaluates what reads it', () => {
    const workbook = book({
      S: {
        A1: { t: 'n', v: 0 },
        A2: { t: 'n', f: '1/A1', v: 0 },
        A3: { t: 'n', f: 'SUM(A2:A2)+5', v: 0 },
        '!ref': 'A1:A3',
      },
    });
    fillCachedValues(workbook);
    expect(workbook.Sheets['S']!['A2']).toEqual({ t: 's', v: 'n/a' });
    // SUM skips the text, as the spreadsheet will once A2 holds "n/a".
    expect(workbook.Sheets['S']!['A3']).toMatchObject({ t: 'n', v: 5 });
  });
});
