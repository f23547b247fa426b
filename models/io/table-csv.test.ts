import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimited } from './table-csv.ts';

describe('parseDelimited (RFC 4180)', () => {
  it('keeps delimiters, line breaks and doubled quotes inside quoted fields', () => {
    const text = 'service,note,cost\n"search, ranking","line one\nline two",12\nchat,"say ""hi""",3\n';
    expect(parseDelimited(text, ',').records).toEqual([
      ['service', 'note', 'cost'],
      ['search, ranking', 'line one\nline two', '12'],
      ['chat', 'say "hi"', '3'],
    ]);
  });

  it('accepts CRLF, lone CR and a missing final line break', () => {
    expect(parseDelimited('a;b\r\n1;2\r3;4', ';').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps empty fields, a trailing delimiter and blank lines as records', () => {
    expect(parseDelimited('a,,c,\n\nx\n', ',').records).toEqual([['a', '', 'c', ''], [''], ['x']]);
  });

  it('treats a quote after leading spaces as opening a quoted field, and a mid-field quote as text', () => {
    expect(parseDelimited('a, "b,c",d"e\n', ',').records).toEqual([['a', 'b,c', 'd"e']]);
  });

  it('reports the record where a quoted field never closes', () => {
    const parsed = parseDelimited('a,b\n1,"open\n2,3\n', ',');
    expect(parsed.unclosedQuoteRecord).toBe(2);
    expect(parsed.records).toEqual([
      ['a', 'b'],
      ['1', 'open\n2,3\n'],
    ]);
  });

  it('stops after maxRecords records', () => {
    expect(parseDelimited('1\n2\n3\n4\n', ',', 2).records).toEqual([['1'], ['2']]);
  });
});

describe('detectDelimiter', () => {
  it('finds comma, semicolon, tab and pipe by consistent field counts', () => {
    expect(detectDelimiter('date,cost,users\n2026-01,12.5,3\n2026-02,13,4\n')).toBe(',');
    expect(detectDelimiter('Datum;Kosten;Nutzer\n15.01.2026;1.234,56;12\n16.01.2026;2,5;13\n')).toBe(';');
    expect(detectDelimiter('date\tcost\n2026-01\t1,234.5\n2026-02\t99\n')).toBe('\t');
    expect(detectDelimiter('date|cost\n2026-01|12\n2026-02|13\n')).toBe('|');
  });

  it('breaks a tie between comma and semicolon by which split gives numbers and dates', () => {
    // Both split every line in two; only ";" leaves cells that read as numbers (1,5) and months.
    expect(detectDelimiter('2026-01;1,5\n2026-02;2,5\n2026-03;3,5\n')).toBe(';');
  });

  it('is not fooled by commas inside quoted fields', () => {
    expect(detectDelimiter('service;cost\n"a, b";1\n"c, d";2\n"e, f";3\n')).toBe(';');
  });

  it('prefers tab for .tsv files when nothing splits the lines', () => {
    expect(detectDelimiter('one column\nvalue\n', true)).toBe('\t');
    expect(detectDelimiter('one column\nvalue\n')).toBe(',');
  });
});
