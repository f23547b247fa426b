import { describe, expect, it } from 'vitest';
import { documentTitle } from './document-title.ts';

describe('documentTitle', () => {
  it('names the document and the app, marking unsaved changes', () => {
    expect(documentTitle({ title: 'FY27 plan', dirty: false })).toBe('FY27 plan — Costcast');
    expect(documentTitle({ title: 'FY27 plan', dirty: true })).toBe('• FY27 plan — Costcast');
    expect(documentTitle({ title: '  ', dirty: false })).toBe('Untitled — Costcast');
  });
});
