import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sinkMessage =
  'models/ is the engine: it must not import the UI, Electron, Node or the CLI, so it runs in a Web Worker, in worker_threads and in tests alike.';

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
    },
  },
  {
    files: ['models/**/*.ts'],
    ignores: ['models/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'], message: sinkMessage },
            { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'echarts', 'echarts/*', 'electron'], message: sinkMessage },
            { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: sinkMessage },
          ],
        },
      ],
    },
  },
);
