/** Every field name the scenario schema knows, for "did you mean" suggestions. */
import type { z } from 'zod';
import { scenarioSchema } from './schema.ts';

let cached: string[] | undefined;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  items?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
}

function collect(schema: z.ZodType, names: Set<string>, seen: Set<z.ZodType>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
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
