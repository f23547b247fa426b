/** Placeholder entry: proves the build, the CSP and the platform choice; the app UI replaces it. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getPlatform } from './platform/index.ts';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <main data-platform={getPlatform().kind}>
      <h1>Costcast</h1>
    </main>
  </StrictMode>,
);
