/**
 * A scenario document as the user holds it: parsed JSON (with `x-` keys and key order kept),
 * and its text as saved. Saved text is stable (two-space JSON and a final newline) so that
 * files diff well in git and "unsaved changes" means the text would really differ.
 */
import type { ScenarioIssue } from '../../models/scenario/issues.ts';
import { validateScenarioText } from '../../models/scenario/validate.ts';

/** A scenario document: a JSON object, not yet trusted to be a valid scenario. */
export type ScenarioDocument = Record<string, unknown>;

const texts = new WeakMap<ScenarioDocument, string>();

/** The text a save writes for `document` (cached per document object). */
export function documentText(document: ScenarioDocument): string {
  let text = texts.get(document);
  if (text === undefined) texts.set(document, (text = `${JSON.stringify(document, null, 2)}\n`));
  return text;
}

export type ParsedDocument = { ok: true; document: ScenarioDocument; warnings: ScenarioIssue[] } | { ok: false; issues: ScenarioIssue[] };

/**
 * Reads scenario text from a file. Structural problems (JSON syntax, unknown fields, wrong
 * types) refuse the file with every issue listed, since the app could not show it; problems
 * the app can show and fix (formulas, names) open the file and appear next to the fields.
 */
export function parseScenarioText(text: string): ParsedDocument {
  const validated = validateScenarioText(text);
  if (!validated.ok) return { ok: false, issues: validated.issues };
  return { ok: true, document: validated.document as ScenarioDocument, warnings: validated.warnings };
}
