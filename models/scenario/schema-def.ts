/**
 * Reading the zod schema itself: its internal definition (what kind of schema, its fields,
 * options and inner types) and the description a field was given. Used wherever the format
 * is derived from the schema — the docs tables, "did you mean" names, the app's field labels.
 */
import type { z } from './schema-library.ts';

export interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  items?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, unknown>;
}

export function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** A field's description, looking through `.optional()` wrappers. */
export function descriptionOf(schema: z.ZodType): string | undefined {
  return schema.description ?? (defOf(schema).innerType ? descriptionOf(defOf(schema).innerType!) : undefined);
}
