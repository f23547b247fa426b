import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { currencyFormat, numberFormats } from './workbook-formats.ts';

describe('currencyFormat', () => {
  it('puts well-known symbols before the amount, the euro after it, and spells out other codes', () => {
    expect(currencyFormat('USD', 0)).toBe('"$"#,##0');
    expect(currencyFormat('GBP', 2)).toBe('"£"#,##0.00');
    expect(currencyFormat('EUR', 0)).toBe('#,##0 "€"');
    expect(currencyFormat('CHF', 2)).toBe('#,##0.00 "CHF"');
  });

  it('gives formats a spreadsheet renders as expected', () => {
    expect(XLSX.SSF.format(currencyFormat('USD', 0), 1234567.4)).toBe('$1,234,567');
    expect(XLSX.SSF.format(currencyFormat('USD', 0), -1500)).toBe('-$1,500');
    expect(XLSX.SSF.format(currencyFormat('EUR', 2), 15053.1404)).toBe('15,053.14 €');
    expect(XLSX.SSF.format(currencyFormat('JPY', 0), 980)).toBe('¥980');
    const formats = numberFormats('USD');
    expect(XLSX.SSF.format(formats.percent, 0.5484)).toBe('54.8%');
    expect(XLSX.SSF.format(formats.ratePercent, Math.pow(1.12, 1 / 12) - 1)).toBe('0.9489%');
  });
});
