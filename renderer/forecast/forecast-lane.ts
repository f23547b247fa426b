/**
 * One forecast worker and the requests in flight on it. Cancelling terminates the worker —
 * instant, whatever the engine is doing — and the next request starts a fresh one.
 */
import type { InstancePrice } from '../../models/pricing/catalog/catalog.ts';
import type { Scenario } from '../../models/scenario/schema.ts';
import type { ForecastResult } from '../../models/simulate/result.ts';
import type { RunSettings } from '../../models/simulate/run.ts';
import type { ProgressPhase, WorkerRequest, WorkerResponse } from './protocol.ts';
import type { ReadTableOptions } from '../../models/io/table-read.ts';
import type { DataFile, DataImportOutcome, ImportMapping, TrendOutcome, TrendRequest } from './data-import.ts';

/** What a lane needs of a worker: the part of the Worker API it uses. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export class RunCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'RunCancelledError';
  }
}

interface Pending {
  resolve: (response: WorkerResponse) => void;
  reject: (error: Error) => void;
  onProgress?: ProgressListener;
}

/** Progress of a forecast: trials done of all, then summary steps done of all. */
export type ProgressListener = (done: number, total: number, phase: ProgressPhase) => void;

export class ForecastLane {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly createWorker: () => WorkerLike) {}

  /** Runs a forecast (with imported prices over the catalog, when given); rejects with RunCancelledError when cancelled. */
  async forecast(scenario: Scenario, settings: RunSettings, onProgress?: ProgressListener, userPrices?: InstancePrice[]): Promise<{ result: ForecastResult; elapsedMs: number }> {
    const response = await this.request((id) => ({ kind: 'forecast', id, scenario, settings, ...(userPrices?.length ? { userPrices } : {}) }), onProgress);
    if (response.kind !== 'forecast') throw new Error('the forecast worker answered out of turn');
    return { result: response.result, elapsedMs: response.elapsedMs };
  }

  /** Builds the workbook bytes of a finished forecast. */
  async workbook(scenario: Scenario, result: ForecastResult, catalogAsOf: string): Promise<Uint8Array> {
    const response = await this.request((id) => ({ kind: 'workbook', id, scenario, result, catalogAsOf }));
    if (response.kind !== 'workbook') throw new Error('the forecast worker answered out of turn');
    return response.bytes;
  }

  /** Reads a usage or billing file and maps it to monthly series (the Data view). */
  async importTable(file: DataFile, read: ReadTableOptions, mapping: ImportMapping | 'auto'): Promise<DataImportOutcome> {
    const response = await this.request((id) => ({ kind: 'import-table', id, file, read, mapping }));
    if (response.kind !== 'import-table') throw new Error('the worker answered out of turn');
    return response.outcome;
  }

  /** Fits a trend to a history and projects its bands (the Data view). */
  async fitTrend(request: TrendRequest): Promise<TrendOutcome> {
    const response = await this.request((id) => ({ kind: 'fit-trend', id, request }));
    if (response.kind !== 'fit-trend') throw new Error('the worker answered out of turn');
    return response.outcome;
  }

  /** Stops everything in flight at once. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const request of pending) request.reject(new RunCancelledError());
  }

  /** Starts the worker now, so that the next request does not wait for it to load. */
  warm(): void {
    this.ensureWorker();
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  private request(build: (id: number) => WorkerRequest, onProgress?: ProgressListener): Promise<WorkerResponse> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<WorkerResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage(build(id));
    });
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      // A crashed worker cannot answer anything in flight: fail it all and start afresh next time.
      event.preventDefault();
      const message = event.message || 'the forecast worker stopped unexpectedly';
      this.worker?.terminate();
      this.worker = null;
      const pending = [...this.pending.values()];
      this.pending.clear();
      for (const request of pending) request.reject(new Error(message));
    };
    this.worker = worker;
    return worker;
  }

  private receive(response: WorkerResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    if (response.kind === 'progress') {
      pending.onProgress?.(response.done, response.total, response.phase);
      return;
    }
    this.pending.delete(response.id);
    if (response.kind === 'error') pending.reject(new Error(response.message));
    else pending.resolve(response);
  }
}
