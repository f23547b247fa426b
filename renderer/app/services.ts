/**
 * What the UI needs beyond its store: the host platform and the forecast workers. Created once
 * in main.tsx and handed down through React context, so components never reach for globals.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ForecastController } from '../forecast/forecast-controller.ts';
import type { Platform } from '../platform/platform.ts';
import type { AppState, AppStore } from '../store/app-store.ts';
import type { Commands } from '../commands/commands.ts';

export interface AppServices {
  store: AppStore;
  platform: Platform;
  forecasts: ForecastController;
  commands: Commands;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <ServicesContext.Provider>');
  return services;
}

/** Reads a slice of app state; re-renders only when the selected value changes. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}

export function useCommands(): Commands {
  return useServices().commands;
}
