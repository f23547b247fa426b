/**
 * The renderer build. `base: './'` makes every asset URL relative so the built index.html works
 * from file:// inside Electron as well as from the preview server at http://127.0.0.1:4173/.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * The dev server's page needs an inline script (React refresh) and a websocket (hot reload),
 * which the production policy in index.html forbids; relax the meta tag for `vite dev` only.
 */
function developmentContentSecurityPolicy(): Plugin {
  return {
    name: 'costcast-development-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:5173"),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), developmentContentSecurityPolicy()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // A desktop app loads its bundle from disk: the engine, mathjs and ECharts make one large chunk by design.
    chunkSizeWarningLimit: 4096,
  },
  // Classic (IIFE) workers load from file:// inside Electron as well as from the preview server.
  worker: { format: 'iife' },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
