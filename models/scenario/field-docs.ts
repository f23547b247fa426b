/**
 * The field tables of docs/scenario-format.md, generated from the zod schema so the docs
 * cannot drift from the format (a test compares them with the committed file).
 */
import { z } from './schema-library.ts';
import { defOf, descriptionOf } from './schema-def.ts';
import { scenarioSchema } from './schema.ts';

const idOf = (schema: z.ZodType): string | undefined => (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;

/** A short type summary; named schemas link to their own table. */
function typeOf(schema: z.ZodType, queue: z.ZodType[], top = true): string {
  const id = idOf(schema);
  if (id && !top) {
    if (!queue.includes(schema)) queue.push(schema);
    return `[${id}](#${id.toLowerCase()})`;
  }
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return typeOf(def.innerType!, queue, false);
    case 'number':
      return 'number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true / false';
    case 'literal':
      return (def.values ?? []).map((v) => `\`${JSON.stringify(v)}\``).join(' or ');
    case 'enum':
      return Object.values(def.entries ?? {}).map((v) => `\`${JSON.stringify(v)}\``).join(', ');
    case 'array':
      return `list of ${typeOf(def.element!, queue, false)}`;
    case 'tuple':
      return `[${(def.items ?? []).map((item) => typeOf(item, queue, false)).join(', ')}]`;
    case 'record':
      return `map of name → ${typeOf(def.valueType!, queue, false)}`;
    case 'union':
      return (def.options ?? []).map((o) => typeOf(o, queue, false)).join(' or ');
    case 'object':
      return 'object';
    default:
      return def.type;
  }
}

/** The anonymous object inside a field (directly, optional, or as list items), to expand inline. */
function nestedObject(field: z.ZodType): { schema: z.ZodType; suffix: string } | undefined {
  let current = field;
  let suffix = '';
  for (;;) {
    if (idOf(current)) return undefined;
    const def = defOf(current);
    if (def.type === 'optional') current = def.innerType!;
    else if (def.type === 'array') {
      current = def.element!;
      suffix += '[]';
    } else if (def.type === 'object') return { schema: current, suffix };
    else return undefined;
  }
}

function fieldRows(schema: z.ZodType, queue: z.ZodType[], prefix: string): string[] {
  return Object.entries(defOf(schema).shape ?? {}).flatMap(([name, field]) => {
    const required = defOf(field).type === 'optional' ? '' : 'yes';
    const nested = nestedObject(field);
    const type = nested ? (nested.suffix ? 'list of objects:' : 'object:') : typeOf(field, queue, false);
    const row = `| \`${prefix}${name}\` | ${type} | ${required} | ${(descriptionOf(field) ?? '').replace(/\|/g, '\\|')} |`;
    return nested ? [row, ...fieldRows(nested.schema, queue, `${prefix}${name}${nested.suffix}.`)] : [row];
  });
}

function fieldTable(schema: z.ZodType, queue: z.ZodType[]): string {
  const def = defOf(schema);
  if (def.type !== 'object') {
    if (def.type !== 'union') return `Type: ${typeOf(schema, queue, true)}.\n`;
    const options = def.options ?? [];
    const anonymous = options.filter((o) => defOf(o).type === 'object' && idOf(o) === undefined);
    const forms = options.map((o) => (anonymous.includes(o) ? 'an object (below)' : typeOf(o, queue, false)));
    return [`One of: ${forms.join(', ')}.\n`, ...anonymous.map((o) => `\n${fieldTable(o, queue)}`)].join('');
  }
  return ['| field | type | required | meaning |', '|---|---|---|---|', ...fieldRows(schema, queue, '')].join('\n') + '\n';
}

/** Markdown tables for the scenario and every named part, in order of first mention. */
export function scenarioFieldDocs(): string {
  const queue: z.ZodType[] = [];
  const sections = [`### Scenario\n\n${fieldTable(scenarioSchema, queue)}`];
  for (let i = 0; i < queue.length; i++) {
    const schema = queue[i]!;
    const def = defOf(schema);
    const body =
      def.type === 'union' && (def.options ?? []).every((o) => defOf(o).type === 'object' && idOf(o) === undefined)
        ? (def.options ?? []).map((o) => fieldTable(o, queue)).join('\n')
        : fieldTable(schema, queue);
    const description = schema.description ? `${schema.description}\n\n` : '';
    sections.push(`### ${idOf(schema)}\n\n${description}${body}`);
  }
  return sections.join('\n');
}
