// Regenerates the files derived from the zod schema (npm run schema):
// scenarios/scenario.schema.json and the field reference in docs/scenario-format.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../models/scenario/json-schema.ts';
import { scenarioFieldDocs } from '../models/scenario/field-docs.ts';
import { replaceGeneratedSection } from './generated-section.ts';

const schemaFile = new URL('../scenarios/scenario.schema.json', import.meta.url);
writeFileSync(schemaFile, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
const docsFile = new URL('../docs/scenario-format.md', import.meta.url);
writeFileSync(docsFile, replaceGeneratedSection(readFileSync(docsFile, 'utf8'), scenarioFieldDocs()));
process.stdout.write('wrote scenarios/scenario.schema.json and the field reference of docs/scenario-format.md\n');
