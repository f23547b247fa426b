/**
 * The renderer's entry: creates the store, the forecast workers, the commands and the
 * document sync, then mounts the app. Everything host-specific comes through the Platform.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { ServicesContext, type AppServices } from './app/services.ts';
import { createCommands } from './commands/commands.ts';
import { bindShortcuts } from './commands/shortcuts.ts';
import { startDocumentSync } from './document/document-sync.ts';
import { startForecastController } from './forecast/forecast-controller.ts';
import type { WorkerLike } from './forecast/forecast-lane.ts';
import { getPlatform } from './platform/index.ts';
import { createAppStore } from './store/app-store.ts';
import './app/app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const platform = getPlatform();
const store = createAppStore();
const createWorker = () => new Worker(new URL('./forecast/forecast.worker.ts', import.meta.url), { name: 'forecast' }) as unknown as WorkerLike;
const forecasts = startForecastController(store, createWorker);
const commands = createCommands(store, platform, forecasts);
const services: AppServices = { store, platform, forecasts, commands };

startDocumentSync(store, platform);
bindShortcuts(platform, commands);
platform.onOpenFile((file) => void commands.openFile(file));
void commands.refreshLists();

createRoot(root).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
