/**
 * A WorkerLike that runs the real forecast handler (forecast-handler.ts) in the same thread, for
 * tests in Node: messages are structured-cloned and delivered asynchronously as a Worker would,
 * and `terminate()` drops everything the handler still says. Not used by the app itself.
 */
import { createForecastHandler } from './forecast-handler.ts';
import type { WorkerLike } from './forecast-lane.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

export interface InProcessWorker extends WorkerLike {
  readonly terminated: boolean;
  /** Every request posted to this worker, in order. */
  readonly requests: WorkerRequest[];
}

/** A new in-process forecast worker. */
export function inProcessWorker(): InProcessWorker {
  const requests: WorkerRequest[] = [];
  let terminated = false;
  const worker: InProcessWorker = {
    onmessage: null,
    onerror: null,
    get terminated() {
      return terminated;
    },
    requests,
    postMessage(message) {
      if (terminated) return;
      const request = structuredClone(message);
      requests.push(request);
      setTimeout(() => {
        if (!terminated) void handle(request);
      }, 0);
    },
    terminate() {
      terminated = true;
    },
  };
  const handle = createForecastHandler((message: WorkerResponse) => {
    if (terminated) return;
    const data = structuredClone(message);
    setTimeout(() => {
      if (!terminated) worker.onmessage?.({ data } as MessageEvent<WorkerResponse>);
    }, 0);
  });
  return worker;
}
