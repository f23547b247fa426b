#!/usr/bin/env node
// Runs a TypeScript entry file (scripts, benchmarks) through tsx, resolved from this package
// so it works from any working directory.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: run-ts.mjs <file.ts> [args…]\n');
  process.exit(2);
}
// The entry takes run-ts's place in argv, as if Node had run it directly.
process.argv.splice(1, 2, path.resolve(entry));
await import(pathToFileURL(path.resolve(entry)).href);
