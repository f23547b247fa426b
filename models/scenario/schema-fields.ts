/** Every field name the scenario schema knows, for "did you mean" suggestions. */
import type { z } from './schema-library.ts';
import { defOf } from './schema-def.ts';
import { scenarioSchema } from './schema.ts';

let cached: string[] | undefined;

function collect(schema: z.ZodType, names: Set<string>, seen: Set<z.ZodType>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  const children: (z.ZodType | undefined)[] = [def.element, def.valueType, def.innerType, def.in, def.out];
  if (def.shape) {
    for (const [name, child] of Object.entries(def.shape)) {
      names.add(name);
      children.push(child);
    }
  }
  children.push(...(def.options ?? []), ...(def.items ?? []));
  for (const child of children) if (child) collect(child, names, seen);
}

/** Field names of every object in the scenario schema. */
export function knownFieldNames(): string[] {
  if (!cached) {
    const names = new Set<string>();
    collect(scenarioSchema, names, new Set());
    cached = [...names];
  }
  return cached;
}
