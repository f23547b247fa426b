/**
 * The one typed contract between the UI thread and the forecast worker. Every message names
 * its request id, so answers to a superseded request can be told apart and dropped.
 */
import type { InstancePrice } from '../../models/pricing/catalog/catalog.ts';
import type { Scenario } from '../../models/scenario/schema.ts';
import type { ForecastResult } from '../../models/simulate/result.ts';
import type { RunSettings } from '../../models/simulate/run.ts';
import type { ReadTableOptions } from '../../models/io/table-read.ts';
import type { DataFile, DataImportOutcome, ImportMapping, TrendOutcome, TrendRequest } from './data-import.ts';

export type WorkerRequest =
  /** The Data view: read a usage or billing file and map it to monthly series. */
  | { kind: 'import-table'; id: number; file: DataFile; read: ReadTableOptions; mapping: ImportMapping | 'auto' }
  /** The Data view: fit a trend to a history and project its bands. */
  | { kind: 'fit-trend'; id: number; request: TrendRequest }
  | { kind: 'forecast'; id: number; scenario: Scenario; settings: RunSettings; /** Imported price rows applied over the bundled catalog. */ userPrices?: InstancePrice[] }
  | { kind: 'workbook'; id: number; scenario: Scenario; result: ForecastResult; catalogAsOf: string };

/** A forecast runs its trials, then summarizes them (seconds, for a big run). */
export type ProgressPhase = 'trials' | 'summary';

export type WorkerResponse =
  | { kind: 'import-table'; id: number; outcome: DataImportOutcome }
  | { kind: 'fit-trend'; id: number; outcome: TrendOutcome }
  | { kind: 'progress'; id: number; phase: ProgressPhase; done: number; total: number }
  | { kind: 'forecast'; id: number; result: ForecastResult; elapsedMs: number }
  | { kind: 'workbook'; id: number; bytes: Uint8Array }
  | { kind: 'error'; id: number; message: string };

/** How often, at most, the worker reports progress (ms): four times a second and more. */
export const PROGRESS_INTERVAL_MS = 100;
