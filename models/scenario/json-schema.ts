/**
 * scenarios/scenario.schema.json, derived from the zod schema (editors use it for completion
 * and checking). Objects accept `x-` keys, as the loader does.
 */
import { z } from './schema-library.ts';
import { scenarioSchema } from './schema.ts';

type JsonObject = { [key: string]: unknown };

function allowExtensions(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(allowExtensions);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const object = node as JsonObject;
  if (object.type === 'object' && object.additionalProperties === false) {
    object.patternProperties = { '^x-': {} };
  }
  for (const value of Object.values(object)) allowExtensions(value);
}

/** The JSON Schema (draft 2020-12) of the scenario format. */
export function scenarioJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as JsonObject;
  allowExtensions(schema);
  return {
    $schema: schema.$schema,
    title: 'Costcast scenario, format v1',
    description: 'A what-if scenario of AI spend. Keys starting with x- are kept and ignored.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
