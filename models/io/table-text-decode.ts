/**
 * Bytes of a text file → a string. Spreadsheet programs save CSV as UTF-8 (often with a BOM),
 * UTF-16 ("Unicode text") or the Windows code page, so all three are recognised; anything
 * with NUL bytes or many control bytes is refused as binary. Written without TextDecoder
 * because the engine runs where only ECMAScript is promised.
 */

import type { ImportError, ImportedTable } from './table-types.ts';

export interface DecodedText {
  readonly text: string;
  readonly encoding: NonNullable<ImportedTable['encoding']>;
  readonly warnings: string[];
}

/** Bytes examined to decide whether a file is text; enough to see past a header. */
const SNIFF_BYTES = 65536;
/** Share of control bytes above which a file without NULs is still called binary. */
const MAX_CONTROL_SHARE = 0.01;
/**
 * Share of invalid UTF-8 sequences above which high bytes are noise, not a code page: in
 * Windows-1252 text every accented letter is one, but they are rarely a third of the bytes.
 */
const MAX_INVALID_SHARE = 0.3;

const binaryError: ImportError = {
  error: 'binary-file',
  message: 'This file is not text (it looks binary); save it as CSV.',
  fix: 'Open it in the program that made it and export or "Save as" CSV (UTF-8), or import the .xlsx/.ods workbook itself.',
};

/** Windows-1252 characters for bytes 0x80–0x9F (the rest of the code page equals Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
  0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0xfffd, 0x017e, 0x0178,
];

/** Decodes a text file's bytes (UTF-8 with or without BOM, UTF-16 LE/BE, Windows-1252), or says why not. */
export function decodeText(bytes: Uint8Array): DecodedText | ImportError {
  if (bytes.length === 0) return emptyFileError();
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return decodeUtf8Checked(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return fromUtf16(bytes.subarray(2), true);
  if (b0 === 0xfe && b1 === 0xff) return fromUtf16(bytes.subarray(2), false);
  const unmarked = guessUnmarkedUtf16(bytes);
  if (unmarked !== null) return fromUtf16(bytes, unmarked === 'utf-16le');
  if (looksBinary(bytes)) return binaryError;
  return decodeUtf8Checked(bytes);
}

/** The error for a file with no content at all (or only blank lines). */
export function emptyFileError(): ImportError {
  return {
    error: 'empty-file',
    message: 'The file is empty.',
    fix: 'Choose the file that holds your usage history; it needs a date column and a value column.',
  };
}

function decodeUtf8Checked(bytes: Uint8Array): DecodedText | ImportError {
  const { text, invalid } = decodeUtf8(bytes);
  if (invalid === 0) return { text, encoding: 'utf-8', warnings: [] };
  if (invalid > MAX_INVALID_SHARE * bytes.length) return binaryError;
  // Invalid UTF-8 with few high bytes is almost always a file saved in the Windows code page.
  return {
    text: decodeWindows1252(bytes),
    encoding: 'windows-1252',
    warnings: [
      'The file is not valid UTF-8; it was read as Windows-1252 (Western European). If accented letters look wrong, save it as "CSV UTF-8".',
    ],
  };
}

function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    // Tab, line feed, form feed, carriage return and the DOS end-of-file mark occur in text.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) || b === 0x7f) control++;
  }
  return control > MAX_CONTROL_SHARE * end;
}

/** UTF-16 saved without a BOM shows as text with every other byte zero. */
function guessUnmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const end = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (end < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = end / 2;
  if (zeroOdd > 0.7 * pairs && zeroEven < 0.05 * pairs) return 'utf-16le';
  if (zeroEven > 0.7 * pairs && zeroOdd < 0.05 * pairs) return 'utf-16be';
  return null;
}

function fromUtf16(bytes: Uint8Array, littleEndian: boolean): DecodedText | ImportError {
  const count = bytes.length >> 1;
  const units = new Uint16Array(count);
  let controls = 0;
  for (let i = 0; i < count; i++) {
    const lo = bytes[2 * i + (littleEndian ? 0 : 1)] as number;
    const hi = bytes[2 * i + (littleEndian ? 1 : 0)] as number;
    const unit = (hi << 8) | lo;
    if (unit === 0) return binaryError;
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0c && unit !== 0x0d) controls++;
    units[i] = unit;
  }
  if (controls > MAX_CONTROL_SHARE * Math.max(count, 1)) return binaryError;
  const warnings = bytes.length % 2 === 1 ? ['The file ends in half a UTF-16 character; the last byte was ignored.'] : [];
  return { text: unitsToString(units, count), encoding: littleEndian ? 'utf-16le' : 'utf-16be', warnings };
}

/** Decodes UTF-8, replacing each invalid sequence by U+FFFD and counting them. */
export function decodeUtf8(bytes: Uint8Array): { text: string; invalid: number } {
  // Most exports are plain ASCII: then every byte is its own character.
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { text: unitsToString(bytes, bytes.length), invalid: 0 };
  const units = new Uint16Array(bytes.length);
  let n = 0;
  let invalid = 0;
  let i = 0;
  const len = bytes.length;
  while (i < len) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      units[n++] = b;
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      min = 0x10000;
    } else {
      units[n++] = 0xfffd;
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need && i + j < len; j++) {
      const c = bytes[i + j] as number;
      if ((c & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (j <= need || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      units[n++] = 0xfffd;
      invalid++;
      i += Math.max(1, j);
      continue;
    }
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units[n++] = 0xd800 + (v >> 10);
      units[n++] = 0xdc00 + (v & 0x3ff);
    } else {
      units[n++] = cp;
    }
    i += need + 1;
  }
  return { text: unitsToString(units, n), invalid };
}

function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    units[i] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b;
  }
  return unitsToString(units, bytes.length);
}

/** Builds a string from code units in chunks small enough for one call's argument list. */
function unitsToString(units: Uint16Array | Uint8Array, count: number): string {
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    // apply takes the typed array as an array-like; a spread would iterate it element by element.
    parts.push(String.fromCharCode.apply(null, units.subarray(start, Math.min(count, start + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}
