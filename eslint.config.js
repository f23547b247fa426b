import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sinkMessage =
  'models/ is the engine: it must not import the UI, Electron, Node or the CLI, so it runs in a Web Worker, in worker_threads and in tests alike.';

const schemaLibraryMessage = "Take z from models/scenario/schema-library.ts: it sets the schema library up (no generated code) before any schema is built.";
const schemaLibrary = { paths: [{ name: 'zod', message: schemaLibraryMessage }], patterns: [{ group: ['zod/*'], message: schemaLibraryMessage }] };
const sinkPatterns = [
  { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: sinkMessage },
  { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'echarts', 'echarts/*', 'electron'], message: sinkMessage },
  { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: sinkMessage },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'electron/dist/**', 'renderer/dist/**', 'test-results/**', 'playwright-report/**', 'test/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', schemaLibrary],
    },
  },
  {
    files: ['models/**/*.ts'],
    ignores: ['models/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: schemaLibrary.paths, patterns: [...sinkPatterns, ...schemaLibrary.patterns] }],
    },
  },
  {
    files: ['models/scenario/schema-library.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: sinkPatterns }] },
  },
);
