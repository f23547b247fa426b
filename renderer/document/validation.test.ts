/**
 * What the engine says about the open document, as the editor uses it: a runnable scenario or
 * the errors, each at a JSON pointer the editor can match to its field; computed once per
 * document object.
 */
import { describe, expect, it } from 'vitest';
import { setAtPointer } from '../../models/scenario/json-pointer.ts';
import type { ScenarioDocument } from './document-text.ts';
import { blankDocument, templates } from './templates.ts';
import { checkDocument, issuePointer, issuesAt } from './validation.ts';

const base = blankDocument(new Date(Date.UTC(2026, 10, 5)));
const edit = (pointer: string, value: unknown) => setAtPointer(base, pointer, value) as ScenarioDocument;

describe('checkDocument', () => {
  it('gives the scenario of a valid document and no errors, once per document object', () => {
    const check = checkDocument(base);
    expect(check.errors).toEqual([]);
    expect(check.scenario?.name).toBe('Untitled scenario');
    expect(checkDocument(base)).toBe(check);
    // An edited copy is checked afresh.
    expect(checkDocument(edit('/months', 24))).not.toBe(check);
  });

  it('places a formula error at its field, with the engine\'s message', () => {
    const check = checkDocument(edit('/workloads/0/requests', 'monthly_requests * unknown_driver'));
    expect(check.scenario).toBeNull();
    expect(check.errors).toHaveLength(1);
    const issue = check.errors[0]!;
    expect(issuePointer(issue)).toBe('/workloads/0/requests');
    expect(issue.message).toContain('unknown_driver');
    expect(issuesAt(check.errors, '/workloads/0')).toEqual([issue]);
    expect(issuesAt(check.errors, '/workloads/0/requests')).toEqual([issue]);
    expect(issuesAt(check.errors, '/workloads/1')).toEqual([]);
    // A prefix of a key is not its parent: /workloads/0 does not hold /workloads/01.
    expect(issuesAt([{ ...issue, pathKeys: ['workloads', '01'] }], '/workloads/0')).toEqual([]);
  });

  it('escapes ~ and / in pointers as JSON Pointer does', () => {
    expect(issuePointer({ path: '', message: '', severity: 'error', pathKeys: ['drivers', 'a/b~c'] })).toBe('/drivers/a~1b~0c');
    expect(issuePointer({ path: '', message: '', severity: 'error' })).toBeNull();
  });

  it('reports a structural error (a wrong type) without trying to compile', () => {
    const check = checkDocument(edit('/months', 'twelve'));
    expect(check.scenario).toBeNull();
    expect(check.errors.map((issue) => issuePointer(issue))).toEqual(['/months']);
  });
});

describe('problems of a scenario with variants', () => {
  const withVariants = templates.find((t) => t.id === 'default.json')!.document;

  it('lists a broken baseline formula once, not once more per variant that inherits it', () => {
    expect((withVariants.variants as unknown[]).length).toBeGreaterThan(0);
    const check = checkDocument(setAtPointer(withVariants, '/drivers/assistant_requests', 'monthly_active_users * chats_per_usr') as ScenarioDocument);
    expect(check.errors.map((issue) => issue.path)).toEqual(['drivers.assistant_requests']);
    expect(check.errors[0]!.message).toContain('chats_per_usr');
  });

  it('keeps a problem that only a variant has', () => {
    const broken = setAtPointer(withVariants, '/variants/0/set/~1drivers~1platform_fee', 'platform_fee_typo * 2') as ScenarioDocument;
    const check = checkDocument(broken);
    expect(check.errors.length).toBeGreaterThan(0);
    expect(check.errors.every((issue) => issue.path.startsWith('variants[0] '))).toBe(true);
  });
});

describe('templates', () => {
  it('are the bundled scenarios, default first, and a blank one last, every one valid as it stands', () => {
    expect(templates[0]?.id).toBe('default.json');
    expect(templates.at(-1)?.id).toBe('blank');
    expect(templates.length).toBeGreaterThanOrEqual(3);
    for (const template of templates) {
      const check = checkDocument(template.document);
      expect(check.errors, template.id).toEqual([]);
      expect(template.name).not.toBe('');
    }
  });

  it('start a blank scenario next month, across a year end', () => {
    expect(blankDocument(new Date(Date.UTC(2026, 10, 5))).start).toBe('2026-12');
    expect(blankDocument(new Date(Date.UTC(2026, 11, 31))).start).toBe('2027-01');
  });
});
