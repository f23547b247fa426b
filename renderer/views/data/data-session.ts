/**
 * The Data view's working state — the file being imported, its mapping, the chosen series and
 * its fitted trend — and the worker that does the reading and fitting. It lives beside the app
 * store (one per store, so it survives moving between views) and never touches the document:
 * only "use as driver" edits the scenario, through the app store's undoable edit.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReadTableOptions } from '../../../models/io/table-read.ts';
import type { TrendModelChoice } from '../../../models/drivers/trend.ts';
import type { DataImportOutcome, ImportMapping, TrendOutcome, TrendRequest } from '../../forecast/data-import.ts';
import { ForecastLane, RunCancelledError, type WorkerLike } from '../../forecast/forecast-lane.ts';
import type { AppStore } from '../../store/app-store.ts';
import { consecutiveRun } from './series-months.ts';

export interface DataFileInfo {
  token: number;
  name: string;
  size: number;
}

export interface DataSessionState {
  file: DataFileInfo | null;
  /** What the worker is doing, for the busy indicator. */
  busy: 'reading' | 'fitting' | null;
  read: ReadTableOptions;
  outcome: DataImportOutcome | null;
  /** A failure of the worker itself (not of the file: those are in `outcome`). */
  failure: string | null;
  /** The history name of the series picked for the trend. */
  selected: string | null;
  /** First month of the fitted stretch (YYYY-MM). */
  fitFrom: string | null;
  model: TrendModelChoice;
  trend: TrendOutcome | null;
  /** The request `trend` answers, so the view can tell a current fit from an old one. */
  trendRequest: TrendRequest | null;
}

export interface DataSession {
  readonly state: StoreApi<DataSessionState>;
  /** Starts importing a file (picked or dropped), forgetting the previous one. */
  load(file: { name: string; bytes: Uint8Array }): void;
  /** Maps the current file again with another mapping. */
  remap(mapping: ImportMapping): void;
  /** Reads the current file again (another sheet, header on or off), with the importer's guesses. */
  reread(read: ReadTableOptions): void;
  select(series: string): void;
  setFitFrom(month: string): void;
  setModel(model: TrendModelChoice): void;
  /** Fits again when what the trend is projected for changed (the scenario's start or horizon). */
  setHorizon(horizon: ProjectionHorizon): void;
  /** Back to an empty view. */
  clear(): void;
}

/** How far the trend is projected: to the end of the scenario's horizon. */
export interface ProjectionHorizon {
  /** First forecast month and horizon length of the open scenario. */
  start: string;
  months: number;
  seed: number;
}

/** Paths projected for the bands: plenty for stable P10 and P90, quick to draw. */
export const TREND_TRIALS = 4000;
/** Longest projection drawn, in months. */
const MAX_PROJECTION = 120;
/** Months projected when the history runs into the forecast (it cannot be a driver then). */
const FALLBACK_PROJECTION = 12;

const monthNumber = (label: string) => {
  const [year, month] = label.split('-').map(Number);
  return (year ?? 0) * 12 + (month ?? 1) - 1;
};

/** Months to project after `lastMonth` so the bands reach the end of the forecast (12 when the history runs into it). */
export function projectionMonths(lastMonth: string, horizon: ProjectionHorizon): number {
  const start = monthNumber(horizon.start);
  const last = monthNumber(lastMonth);
  if (start <= last) return FALLBACK_PROJECTION;
  return Math.min(start + horizon.months - 1 - last, MAX_PROJECTION);
}

const initial: DataSessionState = { file: null, busy: null, read: {}, outcome: null, failure: null, selected: null, fitFrom: null, model: 'auto', trend: null, trendRequest: null };

function createDataSession(createWorker: () => WorkerLike): DataSession {
  const state = createStore<DataSessionState>()(() => initial);
  const lane = new ForecastLane(createWorker);
  let bytes: Uint8Array | null = null;
  let tokens = 0;
  /** Only the newest request of each kind may write its answer. */
  let importTicket = 0;
  let trendTicket = 0;
  let horizon: ProjectionHorizon | null = null;

  const fail = (error: unknown) => {
    if (error instanceof RunCancelledError) return;
    state.setState({ busy: null, failure: error instanceof Error ? error.message : String(error) });
  };

  const runImport = async (mapping: ImportMapping | 'auto') => {
    const file = state.getState().file;
    if (!file || !bytes) return;
    const ticket = ++importTicket;
    state.setState({ busy: 'reading', failure: null });
    try {
      const outcome = await lane.importTable({ token: file.token, name: file.name, bytes }, state.getState().read, mapping);
      if (ticket !== importTicket) return;
      const series = outcome.ok ? (outcome.series?.series ?? []) : [];
      const previous = state.getState().selected;
      // Keep the chosen series when it is still there; else the first one (the total of a bill).
      const selected = series.some((s) => s.name === previous) ? previous : (series[0]?.name ?? null);
      state.setState({ outcome, busy: null, selected, fitFrom: selected === previous ? state.getState().fitFrom : null });
      void runFit();
    } catch (error) {
      if (ticket === importTicket) fail(error);
    }
  };

  const runFit = async () => {
    const { outcome, selected, model } = state.getState();
    const series = outcome?.ok ? outcome.series?.series.find((s) => s.name === selected) : undefined;
    if (!series || !horizon) {
      trendTicket++;
      state.setState({ trend: null, trendRequest: null });
      return;
    }
    const run = consecutiveRun(series.values, state.getState().fitFrom);
    const request: TrendRequest = {
      series: series.name,
      months: run.months,
      values: run.months.map((m) => series.values[m] ?? Number.NaN),
      model,
      projectMonths: run.months.length ? projectionMonths(run.months[run.months.length - 1]!, horizon) : 0,
      trials: TREND_TRIALS,
      seed: horizon.seed,
    };
    const ticket = ++trendTicket;
    state.setState({ busy: 'fitting', fitFrom: run.months[0] ?? null });
    try {
      const trend = await lane.fitTrend(request);
      if (ticket === trendTicket) state.setState({ trend, trendRequest: request, busy: null });
    } catch (error) {
      if (ticket === trendTicket) fail(error);
    }
  };

  return {
    state,
    load(file) {
      // A file still being read is dropped at once: its worker is stopped, the new one starts afresh.
      lane.cancel();
      bytes = file.bytes;
      state.setState({ ...initial, file: { token: ++tokens, name: file.name, size: file.bytes.length }, model: state.getState().model });
      void runImport('auto');
    },
    remap(mapping) {
      void runImport(mapping);
    },
    reread(read) {
      state.setState({ read });
      void runImport('auto');
    },
    select(series) {
      state.setState({ selected: series, fitFrom: null });
      void runFit();
    },
    setFitFrom(month) {
      state.setState({ fitFrom: month });
      void runFit();
    },
    setModel(model) {
      state.setState({ model });
      void runFit();
    },
    setHorizon(next) {
      const same = horizon && horizon.start === next.start && horizon.months === next.months && horizon.seed === next.seed;
      horizon = next;
      if (!same) void runFit();
    },
    clear() {
      lane.cancel();
      bytes = null;
      importTicket++;
      trendTicket++;
      state.setState(initial);
    },
  };
}

const sessions = new WeakMap<AppStore, DataSession>();

/** The Data view's session of an app (created on first use with a worker of its own). */
export function dataSessionFor(store: AppStore, createWorker: () => WorkerLike): DataSession {
  let session = sessions.get(store);
  if (!session) sessions.set(store, (session = createDataSession(createWorker)));
  return session;
}
