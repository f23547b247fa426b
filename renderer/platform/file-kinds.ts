/**
 * File types the app reads and writes, shared by the Electron dialogs and the browser file
 * inputs so both hosts accept and suggest the same names.
 */
import type { ExportKind } from './platform.ts';

/** A named group of extensions (without dots), as dialogs and `accept` attributes need. */
export interface FileFilter {
  name: string;
  extensions: readonly string[];
}

/**
 * Scenario files are JSON. `.json` is the default (editors validate it through `$schema`, and git
 * diffs read well); `.costcast` is registered with the operating system so a double-click opens
 * the app without claiming every JSON file on the machine. Both are read identically.
 */
export const SCENARIO_FILTER: FileFilter = { name: 'Costcast scenario', extensions: ['json', 'costcast'] };

/** Extension given to a scenario saved without one. */
export const DEFAULT_SCENARIO_EXTENSION = 'json';

/** Usage-history files the Data view can import. */
export const DATA_FILE_FILTER: FileFilter = { name: 'Usage data', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xls', 'ods'] };

interface ExportFormat {
  filter: FileFilter;
  mimeType: string;
}

const EXPORT_FORMATS: Record<ExportKind, ExportFormat> = {
  xlsx: {
    filter: { name: 'Excel workbook', extensions: ['xlsx'] },
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  png: { filter: { name: 'PNG image', extensions: ['png'] }, mimeType: 'image/png' },
  csv: { filter: { name: 'CSV table', extensions: ['csv'] }, mimeType: 'text/csv' },
};

/** The dialog filter and MIME type of an export kind. */
export function exportFormat(kind: ExportKind): ExportFormat {
  return EXPORT_FORMATS[kind];
}

/** Whether `fileName` ends with one of the filter's extensions (case-insensitive). */
export function hasExtension(fileName: string, filter: FileFilter): boolean {
  const lower = fileName.toLowerCase();
  return filter.extensions.some((extension) => lower.endsWith(`.${extension}`));
}

/** `fileName` with `extension` appended unless it already ends with one of the filter's extensions. */
export function withExtension(fileName: string, filter: FileFilter, extension: string): string {
  return hasExtension(fileName, filter) ? fileName : `${fileName}.${extension}`;
}

// Characters that Windows, macOS or Linux refuse in a file name (control characters are tested by code).
const RESERVED_CHARACTERS = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*']);
const WINDOWS_RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * A file name safe on every desktop OS, derived from a document title: unsafe characters become
 * `-`, surrounding dots and spaces go, and an empty result becomes `fallback`. Length in UTF-16 units.
 */
export function safeFileName(title: string, fallback = 'Untitled', maxLength = 120): string {
  const replaced = Array.from(title, (character) =>
    RESERVED_CHARACTERS.has(character) || character.charCodeAt(0) < 0x20 ? '-' : character,
  ).join('');
  const cleaned = replaced.replace(/^[\s.]+|[\s.]+$/g, '').slice(0, maxLength);
  if (cleaned === '') return fallback;
  return WINDOWS_RESERVED_NAMES.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** The `accept` attribute of a browser file input for a filter (".json,.costcast"). */
export function acceptAttribute(filter: FileFilter): string {
  return filter.extensions.map((extension) => `.${extension}`).join(',');
}

/** Largest scenario file either host reads, in bytes (real scenarios are a few KiB). */
export const MAX_SCENARIO_BYTES = 32 * 1024 * 1024;

/** Largest usage-history file either host reads, in bytes. */
export const MAX_DATA_FILE_BYTES = 128 * 1024 * 1024;

/** A readable refusal for a file larger than `limit` bytes. */
export function tooLargeMessage(name: string, size: number, limit: number): string {
  const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `"${name}" is ${mib(size)}, larger than the ${mib(limit)} Costcast reads. Is it the right file?`;
}
