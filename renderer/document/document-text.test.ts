/**
 * Scenario text in and out: the saved text is stable (two spaces, a final newline, keys and `x-`
 * notes kept), files the app cannot show are refused with every problem and its place, and files
 * with problems the editor can show (a formula, a name) open with those problems left to fix.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../models/scenario/issues.ts';
import { documentText, parseScenarioText } from './document-text.ts';
import { checkDocument } from './validation.ts';
import { blankDocument } from './templates.ts';

const base = blankDocument(new Date(Date.UTC(2026, 10, 5)));

describe('documentText', () => {
  it('writes two-space JSON with a final newline, in the document\'s own key order', () => {
    const document = { name: 'x', 'x-note': 'kept', format: 'costcast/scenario' };
    expect(documentText(document)).toBe('{\n  "name": "x",\n  "x-note": "kept",\n  "format": "costcast/scenario"\n}\n');
    // The same object gives the same string (cached): saving twice writes identical text.
    expect(documentText(document)).toBe(documentText(document));
  });

  it('round-trips through parseScenarioText unchanged', () => {
    const parsed = parseScenarioText(documentText(base));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(documentText(parsed.document)).toBe(documentText(base));
  });
});

describe('parseScenarioText', () => {
  it('refuses broken JSON with the line and column and what to check', () => {
    const parsed = parseScenarioText('{\n  "format": "costcast/scenario",\n  "version": 1\n  "name": "x"\n}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toHaveLength(1);
    expect(formatIssue(parsed.issues[0]!, 'plan.json')).toMatch(/^plan\.json:4:3: invalid JSON: .+ — check for a missing comma/);
  });

  it('refuses an unknown field and a wrong type, naming each path', () => {
    const parsed = parseScenarioText(JSON.stringify({ ...base, colour: 'blue', months: 'twelve' }, null, 2));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const lines = parsed.issues.map((issue) => formatIssue(issue));
    expect(lines.some((line) => /colour: unknown field `colour`/.test(line))).toBe(true);
    expect(lines.some((line) => /^\d+:\d+: months: /.test(line))).toBe(true);
  });

  it('opens a file whose formula is broken, leaving the problem for the editor to show', () => {
    const text = JSON.stringify({ ...base, workloads: [{ ...(base.workloads as object[])[0], requests: 'monthly_requests * * 2' }] });
    const parsed = parseScenarioText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { errors, scenario } = checkDocument(parsed.document);
    expect(scenario).toBeNull();
    expect(errors.map((issue) => issue.path)).toEqual(['workloads[0].requests']);
  });
});
