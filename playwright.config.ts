/**
 * End-to-end tests. `web` drives the built renderer in Debian's Chromium through the preview
 * server (Playwright's own browser download is not used); `electron` launches the desktop app
 * wherever an Electron binary is installed and reports itself skipped elsewhere.
 */
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const artifacts = 'test/e2e/artifacts';
// One preview server per port; E2E_PORT lets several local runs build and serve side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
// vite's root is renderer/, so a relative --outDir would land inside it: pass an absolute path.
const outDir = fileURLToPath(new URL(port === 4173 ? './dist/renderer' : `./dist/renderer-${port}`, import.meta.url));
const runDir = port === 4173 ? artifacts : `${artifacts}/port-${port}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: `${runDir}/results`,
  forbidOnly: Boolean(process.env.CI),
  // The machines are small and the preview server is shared: one worker keeps timings stable.
  workers: 1,
  reporter: [['list'], ['html', { outputFolder: `${runDir}/report`, open: 'never' }]],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'web',
      testIgnore: /electron-smoke\.spec\.ts$/,
      use: {
        baseURL: `http://127.0.0.1:${port}`,
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /electron-smoke\.spec\.ts$/,
    },
  ],
  webServer: {
    command: `npx vite build --outDir ${outDir} && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
