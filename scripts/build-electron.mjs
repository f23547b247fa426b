// Bundles the Electron main process and preload into electron/dist/*.cjs (package.json "main").
// Each bundle is self-contained except for `electron` itself: the sandboxed preload can require
// nothing else, and the packaged app ships no node_modules it does not need.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const production = process.env.NODE_ENV === 'production';

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  outdir: 'electron/dist',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  logLevel: 'info',
};

await Promise.all([
  // Syntax targets only: conservative floors that every supported Electron's Node and Chromium exceed.
  build({ ...common, entryPoints: { main: 'electron/main.ts' }, platform: 'node', target: 'node20' }),
  build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, platform: 'browser', target: 'chrome120' }),
]);
