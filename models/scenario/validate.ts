/**
 * From untrusted text or JSON to a validated Scenario, with every problem reported at once
 * in words a planner can act on. Structural checks come from the zod schema; checks that
 * need the whole scenario (formulas, names, cycles, references) come from `checkScenario`.
 */
import type { z } from './schema-library.ts';
import { migrateScenario } from './migrate.ts';
import { closestName, formatPath, type ScenarioIssue } from './issues.ts';
import { locateJsonPath, parseJsonText } from './json-text.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { knownFieldNames } from './schema-fields.ts';

export type ScenarioValidation =
  | { ok: true; scenario: Scenario; document: unknown; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[]; document?: unknown };

/** Removes every `x-` key (kept in the document, ignored by the engine). */
export function stripExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripExtensions);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!key.startsWith('x-')) out[key] = stripExtensions(inner);
    }
    return out;
  }
  return value;
}

/** Validates the structure of a parsed document (after migration to the current version). */
export function validateDocument(document: unknown): ScenarioValidation {
  const migrated = migrateScenario(document);
  if (!migrated.ok) return { ok: false, issues: [migrated.issue], document };
  const parsed = scenarioSchema.safeParse(stripExtensions(migrated.document));
  if (!parsed.success) {
    return { ok: false, issues: explainZodIssues(parsed.error.issues, migrated.document), document };
  }
  return { ok: true, scenario: parsed.data, document: migrated.document, warnings: migrated.warnings };
}

/** Parses and validates scenario text; issues carry line:column into that text. */
export function validateScenarioText(text: string): ScenarioValidation {
  const json = parseJsonText(text);
  if (!json.ok) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          message: json.message,
          fix: 'check for a missing comma, quote or bracket near there (JSON allows no comments or trailing commas)',
          severity: 'error',
          ...json.position,
        },
      ],
    };
  }
  const result = validateDocument(json.value);
  if (result.ok) return result;
  return { ...result, issues: result.issues.map((issue) => withPosition(issue, text)) };
}

/** Adds the line:column of an issue's path in the text, when the path can be followed. */
export function withPosition(issue: ScenarioIssue, text: string): ScenarioIssue {
  if (issue.line !== undefined || !issue.pathKeys) return issue;
  const position = locateJsonPath(text, issue.pathKeys);
  return position ? { ...issue, ...position } : issue;
}

type ZodIssue = z.core.$ZodIssue;

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let current = document;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value === 'string' ? 'the text' : typeof value} ${text.length > 40 ? `${text.slice(0, 37)}…` : text}`;
}

const driverForms =
  'a number, a formula in quotes, {"p10", "p90"}, {"p5", "p95"}, {"dist": …}, {"growth": …}, {"trend": …} or {"series": […]}';

/** How far a union branch is from fitting: the branch with the lowest score is the one meant. */
function branchScore(issues: readonly ZodIssue[], value: unknown): number {
  let score = 0;
  for (const issue of issues) {
    const atRoot = issue.path.length === 0;
    if (issue.code === 'invalid_type' && atRoot) score += 1000;
    else if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
      score += valueAt(value, [issue.discriminator]) === undefined ? 500 : 1;
    }
    else if (issue.code === 'invalid_union' && atRoot) score += 500;
    else if (issue.code === 'unrecognized_keys') score += 10 * issue.keys.length;
    else if (issue.code === 'invalid_type' && issue.input === undefined) score += 3;
    else score += 1;
  }
  return score;
}

/** Turns zod's issues into ours: one per problem, the best union branch chosen, paths kept. */
export function explainZodIssues(issues: readonly ZodIssue[], document: unknown, prefix: PropertyKey[] = []): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of issues) {
    const keys = [...prefix, ...issue.path];
    const value = valueAt(document, keys);
    const at = (message: string, fix?: string, extraKeys: PropertyKey[] = []): ScenarioIssue => ({
      path: formatPath([...keys, ...extraKeys]),
      pathKeys: [...keys, ...extraKeys],
      message,
      severity: 'error',
      ...(fix ? { fix } : {}),
    });
    switch (issue.code) {
      case 'invalid_union': {
        const discriminatorOptions = 'options' in issue ? ((issue as { options?: unknown[] }).options ?? []) : [];
        if (issue.discriminator !== undefined) {
          const options = discriminatorOptions.map((o) => JSON.stringify(o)).join(', ');
          const given = valueAt(document, keys);
          const suggestion = typeof given === 'string' ? closestName(given, discriminatorOptions.map(String)) : undefined;
          out.push(
            at(
              given === undefined
                ? `\`${issue.discriminator}\` is missing`
                : `unknown ${issue.discriminator} ${JSON.stringify(given)}`,
              suggestion ? `did you mean "${suggestion}"? (one of ${options})` : `use one of ${options}`,
            ),
          );
          break;
        }
        if (issue.errors.length === 0) {
          out.push(at('matches more than one form; make it unambiguous'));
          break;
        }
        const scored = issue.errors.map((branch) => ({ branch, score: branchScore(branch, value) }));
        scored.sort((a, b) => a.score - b.score);
        const best = scored[0]!;
        if (best.score >= 500) {
          const looksLikeDriver = issue.errors.length >= 7;
          out.push(
            at(
              `expected ${looksLikeDriver ? 'a driver' : 'another form'}, got ${describeValue(value)}`,
              looksLikeDriver ? `write ${driverForms}` : undefined,
            ),
          );
        } else {
          out.push(...explainZodIssues(best.branch, document, keys));
        }
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const suggestion = closestName(key, knownFieldNames());
          out.push(
            at(
              `unknown field \`${key}\``,
              suggestion && suggestion !== key
                ? `did you mean \`${suggestion}\`? (fields starting with x- are kept and ignored)`
                : 'remove it, or prefix it with x- to keep it as a note',
              [key],
            ),
          );
        }
        break;
      case 'invalid_type':
        if (value === undefined) out.push(at(`\`${String(keys[keys.length - 1] ?? 'value')}\` is required (${issue.expected})`));
        else out.push(at(`expected ${issue.expected}, got ${describeValue(value)}`));
        break;
      case 'too_small':
        out.push(
          at(
            issue.origin === 'array'
              ? `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`
              : issue.origin === 'string'
                ? 'must not be empty'
                : `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}, got ${describeValue(value)}`,
          ),
        );
        break;
      case 'too_big':
        out.push(
          at(
            issue.origin === 'array'
              ? `has more than ${String(issue.maximum)} items`
              : `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}, got ${describeValue(value)}`,
          ),
        );
        break;
      case 'invalid_value':
        out.push(at(`must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(value)}`));
        break;
      case 'invalid_format':
        out.push(at(`${describeValue(value)} is not valid: ${issue.message}`));
        break;
      case 'invalid_key':
        out.push(at(`the name ${JSON.stringify(String(keys[keys.length - 1] ?? ''))} is not allowed: ${issue.issues[0]?.message ?? 'invalid name'}`));
        break;
      default:
        out.push(at(issue.message));
    }
  }
  return out;
}
