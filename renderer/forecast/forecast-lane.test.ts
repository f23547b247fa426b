/**
 * A forecast lane on the real worker logic (forecast-handler.ts, run in-process): the result is
 * the engine's own, progress comes in two phases, cancel rejects at once and the next request gets
 * a fresh worker, and a crashed worker fails what was in flight with its message.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { bundledReference } from '../../models/pricing/reference.ts';
import type { Scenario } from '../../models/scenario/schema.ts';
import { validateDocument } from '../../models/scenario/validate.ts';
import { runForecast, runSettings } from '../../models/simulate/run.ts';
import { blankDocument } from '../document/templates.ts';
import { ForecastLane, RunCancelledError, type WorkerLike } from './forecast-lane.ts';
import { inProcessWorker, type InProcessWorker } from './in-process-worker.ts';
import type { ProgressPhase } from './protocol.ts';

function blankScenario(): Scenario {
  const validated = validateDocument(blankDocument(new Date(Date.UTC(2026, 10, 5))));
  if (!validated.ok) throw new Error('the blank template must be valid');
  return validated.scenario;
}

function laneWithWorkers(): { lane: ForecastLane; workers: InProcessWorker[] } {
  const workers: InProcessWorker[] = [];
  const lane = new ForecastLane(() => {
    const worker = inProcessWorker();
    workers.push(worker);
    return worker;
  });
  return { lane, workers };
}

describe('ForecastLane on the in-process worker', () => {
  it('returns exactly what the engine computes, with progress over the trials and then the summary', async () => {
    const scenario = blankScenario();
    const settings = runSettings(scenario, { trials: 3000 });
    const { lane } = laneWithWorkers();
    const heard: { phase: ProgressPhase; done: number; total: number }[] = [];
    const { result, elapsedMs } = await lane.forecast(scenario, settings, (done, total, phase) => heard.push({ phase, done, total }));
    const expected = await runForecast(scenario, { ...settings, reference: bundledReference });
    expect(result).toEqual(expected);
    expect(elapsedMs).toBeGreaterThan(0);

    const trials = heard.filter((p) => p.phase === 'trials');
    const summary = heard.filter((p) => p.phase === 'summary');
    expect(heard.map((p) => p.phase)).toEqual([...trials.map(() => 'trials'), ...summary.map(() => 'summary')]);
    expect(trials.at(-1)).toEqual({ phase: 'trials', done: 3000, total: 3000 });
    expect(summary.at(-1)!.done).toBe(summary.at(-1)!.total);
    expect(lane.busy).toBe(false);
  });

  it('cancels at once: what was in flight rejects, the worker is terminated, the next request starts a fresh one', async () => {
    const scenario = blankScenario();
    const { lane, workers } = laneWithWorkers();
    const running = lane.forecast(scenario, runSettings(scenario, { trials: 2000 }));
    expect(lane.busy).toBe(true);
    lane.cancel();
    await expect(running).rejects.toBeInstanceOf(RunCancelledError);
    expect(workers[0]!.terminated).toBe(true);
    expect(lane.busy).toBe(false);

    const { result } = await lane.forecast(scenario, runSettings(scenario, { trials: 1000 }));
    expect(result.trials).toBe(1000);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.terminated).toBe(false);
  });

  it('warms a worker before the first request and reuses it', async () => {
    const scenario = blankScenario();
    const { lane, workers } = laneWithWorkers();
    lane.warm();
    expect(workers).toHaveLength(1);
    await lane.forecast(scenario, runSettings(scenario, { trials: 1000 }));
    lane.warm();
    expect(workers).toHaveLength(1);
    expect(workers[0]!.requests.map((r) => r.kind)).toEqual(['forecast']);
  });

  it('passes the engine\'s error on, and the worker keeps serving', async () => {
    const scenario = blankScenario();
    const { lane, workers } = laneWithWorkers();
    // A scenario the engine refuses at run time (it bypassed validation): an unknown name in a formula.
    const broken = { ...scenario, workloads: [{ ...scenario.workloads[0]!, requests: 'no_such_driver * 2' }] } as Scenario;
    await expect(lane.forecast(broken, runSettings(scenario, { trials: 1000 }))).rejects.toThrow(/no_such_driver/);
    const { result } = await lane.forecast(scenario, runSettings(scenario, { trials: 1000 }));
    expect(result.trials).toBe(1000);
    expect(workers).toHaveLength(1);
  });

  it('builds the workbook in the worker', async () => {
    const scenario = blankScenario();
    const { lane } = laneWithWorkers();
    const { result } = await lane.forecast(scenario, runSettings(scenario, { trials: 1000 }));
    const bytes = await lane.workbook(scenario, result, '2026-06');
    const workbook = XLSX.read(bytes, { type: 'array' });
    expect(workbook.SheetNames[0]).toBe('Summary');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Summary!, { header: 1, raw: true });
    expect(rows.find((row) => row[0] === 'Total')?.[2]).toBe(result.total.p50);
  });

  it('fails everything in flight with the message of a crashed worker, then starts afresh', async () => {
    const scenario = blankScenario();
    const created: WorkerLike[] = [];
    const lane = new ForecastLane(() => {
      // The first worker crashes on its first message (as a worker that ran out of memory would).
      const worker: WorkerLike =
        created.length === 0
          ? {
              onmessage: null,
              onerror: null,
              postMessage() {
                setTimeout(() => worker.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent), 0);
              },
              terminate() {},
            }
          : inProcessWorker();
      created.push(worker);
      return worker;
    });
    await expect(lane.forecast(scenario, runSettings(scenario, { trials: 1000 }))).rejects.toThrow('out of memory');
    const { result } = await lane.forecast(scenario, runSettings(scenario, { trials: 1000 }));
    expect(result.trials).toBe(1000);
    expect(created).toHaveLength(2);
  });
});
