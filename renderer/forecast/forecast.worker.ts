/**
 * The forecast worker: the engine off the UI thread; forecast-handler.ts does the work.
 * Cancelling a run terminates the worker (forecast-lane.ts), so nothing here polls.
 */
import { createForecastHandler } from './forecast-handler.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage: (message: WorkerResponse, transfer?: Transferable[]) => void };

// Requests are handled one at a time, in order; the client keeps at most one waiting.
const handle = createForecastHandler((message, transfer = []) => scope.postMessage(message, transfer));
scope.onmessage = (event) => void handle(event.data);
