import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeText, decodeUtf8 } from './table-text-decode.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../test/fixtures/import/${name}`, import.meta.url))));

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (littleEndian) bytes.push(unit & 0xff, unit >> 8);
    else bytes.push(unit >> 8, unit & 0xff);
  }
  return new Uint8Array(bytes);
}

describe('decodeText', () => {
  it('strips a UTF-8 byte order mark and keeps multi-byte characters', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Coût;€;日本;😀\n')]);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ text: 'Coût;€;日本;😀\n', encoding: 'utf-8', warnings: [] });
  });

  it('reads UTF-16 little- and big-endian files with a BOM', () => {
    const text = 'Mois\tCoût (€)\r\n2025-01\t1050,5\r\n';
    expect(decodeText(utf16(text, true, true))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeText(utf16(text, false, true))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    const text = 'date,cost\n2025-01,12\n';
    expect(decodeText(utf16(text, true, false))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeText(utf16(text, false, false))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('reads the UTF-16 fixture saved as spreadsheet "Unicode text"', () => {
    const decoded = decodeText(fixture('unicode-text-utf16.txt'));
    expect(decoded).toMatchObject({ encoding: 'utf-16le' });
    expect('text' in decoded && decoded.text.startsWith('Mois\tCoût (€)\tUtilisateurs\r\n')).toBe(true);
  });

  it('falls back to Windows-1252 for invalid UTF-8 text, with a warning', () => {
    // "Mois;Coût\n2025-01;€12\n" saved in the Windows code page: û = 0xFB, € = 0x80.
    const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
    const bytes = new Uint8Array([...ascii('Mois;Co'), 0xfb, ...ascii('t\n2025-01;'), 0x80, ...ascii('12\n')]);
    const decoded = decodeText(bytes);
    expect(decoded).toMatchObject({ text: 'Mois;Coût\n2025-01;€12\n', encoding: 'windows-1252' });
    expect('warnings' in decoded && decoded.warnings[0]).toMatch(/not valid UTF-8/);
  });

  it('refuses a PNG renamed .csv as binary, with the message the user sees', () => {
    expect(decodeText(fixture('binary-renamed.csv'))).toEqual({
      error: 'binary-file',
      message: 'This file is not text (it looks binary); save it as CSV.',
      fix: expect.any(String) as string,
    });
  });

  it('refuses control-byte noise without NULs as binary', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i % 10 === 0 ? 0x07 : 0x41));
    expect(decodeText(bytes)).toMatchObject({ error: 'binary-file' });
  });

  it('calls a zero-byte file empty', () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ error: 'empty-file', message: 'The file is empty.' });
  });
});

describe('decodeUtf8', () => {
  it('agrees with the platform decoder on valid text and counts invalid sequences', () => {
    const text = 'a€ü😀\u0800\uffff';
    expect(decodeUtf8(new TextEncoder().encode(text))).toEqual({ text, invalid: 0 });
    // A lone continuation byte, a truncated 3-byte sequence and an overlong encoding of "/".
    const broken = new Uint8Array([0x61, 0x80, 0x62, 0xe2, 0x82, 0x63, 0xc0, 0xaf]);
    const decoded = decodeUtf8(broken);
    expect(decoded.text).toBe(new TextDecoder().decode(broken));
    expect(decoded.text).toBe('a\ufffdb\ufffdc\ufffd\ufffd');
    expect(decoded.invalid).toBe(4);
  });
});
