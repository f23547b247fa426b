#!/usr/bin/env node
// The `costcast` command. TypeScript sources run through tsx, so `npx costcast` works right
// after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
