// TypeScript entry points (the CLI, its worker thread) bundled into one plain ES module each on
// first use and cached in node_modules/.cache/costcast, so `npx costcast` needs no build step and
// still starts in a fraction of a second: loading ~60 TypeScript files through tsx costs about two
// seconds per thread, loading one bundle about a tenth of that.
//
// A bundle is reused while every input is unchanged: our own sources by content hash, installed
// packages by their package.json. Anything that goes wrong (no esbuild, a read-only folder)
// returns null and the caller falls back to tsx. COSTCAST_NO_BUNDLE=1 always falls back.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FORMAT = 1;

function cacheFolder() {
  return process.env.COSTCAST_CACHE_DIR || path.join(root, 'node_modules', '.cache', 'costcast');
}

function hash(data) {
  return createHash('sha256').update(data).digest('hex').slice(0, 16);
}

/** The package folder (under node_modules) an input belongs to, or null for our own sources. */
function packageOf(file) {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return null;
  const scoped = parts[at + 1]?.startsWith('@');
  return parts.slice(0, at + (scoped ? 3 : 2)).join(path.sep);
}

/** What an input's freshness is judged by: its content, or its package's package.json. */
function fingerprint(key) {
  if (key.startsWith('package:')) {
    const info = statSync(path.join(key.slice('package:'.length), 'package.json'));
    return `${info.size}:${info.mtimeMs}`;
  }
  return hash(readFileSync(key));
}

function inputKeys(files) {
  const keys = new Set();
  for (const file of files) {
    const owner = packageOf(file);
    keys.add(owner ? `package:${owner}` : file);
  }
  return [...keys].sort();
}

function readManifest(file) {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    return manifest.format === FORMAT && manifest.node === process.version ? manifest : null;
  } catch {
    return null;
  }
}

function isFresh(manifest, folder) {
  try {
    statSync(path.join(folder, manifest.output));
    return Object.entries(manifest.inputs).every(([key, print]) => fingerprint(key) === print);
  } catch {
    return false;
  }
}

/** Writes a file so that readers see the old or the new content, never half of it. */
function writeAtomically(file, data) {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/**
 * Sources refer to files beside them with `new URL(…, import·meta·url)`; inside a bundle in the
 * cache folder that would point into the cache, so each source gets its own URL written in.
 */
const META_URL = ['import', 'meta', 'url'].join('.'); // spelt out, this file would rewrite itself
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, (args) => {
      if (packageOf(args.path)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      return {
        contents: source.replaceAll(META_URL, JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('.ts') ? 'ts' : 'js',
      };
    });
  },
};

/** Deletes earlier bundles of an entry (an hour old, so no process that just read the old manifest loses its file). */
function removeStale(folder, name, keep) {
  try {
    for (const file of readdirSync(folder)) {
      if (!file.startsWith(`${name}-`) || !file.endsWith('.mjs') || file === keep) continue;
      const full = path.join(folder, file);
      if (Date.now() - statSync(full).mtimeMs > 3_600_000) unlinkSync(full);
    }
  } catch {
    // Clean-up is best effort.
  }
}

/**
 * A file URL of `entry` (a path relative to the package) bundled, building it if needed; null
 * when bundling is not possible here.
 */
export async function bundledEntry(entry) {
  if (process.env.COSTCAST_NO_BUNDLE === '1') return null;
  const folder = cacheFolder();
  // Checkouts sharing one node_modules keep apart: the name carries the package folder's hash.
  const name = `${entry.replace(/\.[cm]?[jt]s$/, '').replace(/[\\/]/g, '-')}-${hash(root).slice(0, 8)}`;
  const manifestFile = path.join(folder, `${name}.json`);
  const manifest = readManifest(manifestFile);
  if (manifest && isFresh(manifest, folder)) return pathToFileURL(path.join(folder, manifest.output)).href;
  try {
    // Resolved from the package folder: inside a bundle this file no longer sits beside node_modules.
    const esbuild = await import(pathToFileURL(createRequire(path.join(root, 'package.json')).resolve('esbuild')).href);
    const result = await esbuild.build({
      entryPoints: [path.join(root, entry)],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [keepImportMetaUrl],
      // The bundler itself is loaded at run time, from the package folder.
      external: ['esbuild'],
      // Bundled CommonJS packages may call require() for Node's own modules.
      banner: { js: `import { createRequire as __costcastRequire } from 'node:module'; const require = __costcastRequire(${META_URL});` },
    });
    const code = result.outputFiles[0].contents;
    const output = `${name}-${hash(code)}.mjs`;
    const inputs = {};
    for (const key of inputKeys(Object.keys(result.metafile.inputs).map((input) => path.resolve(root, input)))) inputs[key] = fingerprint(key);
    mkdirSync(folder, { recursive: true });
    writeAtomically(path.join(folder, output), code);
    writeAtomically(manifestFile, JSON.stringify({ format: FORMAT, node: process.version, entry, output, inputs }, null, 1));
    removeStale(folder, name, output);
    return pathToFileURL(path.join(folder, output)).href;
  } catch (error) {
    if (process.env.COSTCAST_DEBUG) process.stderr.write(`costcast: bundling ${entry} failed, running it through tsx: ${error}\n`);
    return null;
  }
}
