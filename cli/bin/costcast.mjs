#!/usr/bin/env node
// The `costcast` command. The TypeScript sources are bundled into one module on first use (cached
// in node_modules/.cache/costcast), or run through tsx where that is not possible, so
// `npx costcast` works right after `npm install` with no build step.
import { bundledEntry } from '../bundle-cache.mjs';

// `costcast forecast --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const bundled = await bundledEntry('cli/main.ts');
let main;
if (bundled) ({ main } = await import(bundled));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
