/** The Data view's session for this app, with its own worker (the forecast worker's code, started for imports and fits). */
import { useStore } from 'zustand';
import { useServices } from '../../app/services.ts';
import type { WorkerLike } from '../../forecast/forecast-lane.ts';
import { dataSessionFor, type DataSession, type DataSessionState } from './data-session.ts';

const createDataWorker = (): WorkerLike => new Worker(new URL('../../forecast/forecast.worker.ts', import.meta.url), { name: 'data-import' }) as unknown as WorkerLike;

export function useDataSession(): DataSession {
  return dataSessionFor(useServices().store, createDataWorker);
}

/** Reads a slice of the session; re-renders only when it changes. */
export function useDataState<T>(session: DataSession, selector: (state: DataSessionState) => T): T {
  return useStore(session.state, selector);
}
