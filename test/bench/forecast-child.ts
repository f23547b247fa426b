/**
 * Full forecasts of the reference scenario in a fresh process, as the CLI runs them: worker
 * threads started, chunks run into shared memory, the result's sections spread over the
 * workers, the result assembled. The first run is what `costcast forecast` does; each further
 * run reuses the pool and the memory of the run before, as `costcast compare` does for its
 * second scenario. Prints one JSON line: per run the times, the CPU time of all threads and the
 * result's P50; the process's peak memory.
 *
 * Usage (run.ts spawns it): node <this bundled> <trials> <workers> [runs, default 1]
 */
import { readFileSync } from 'node:fs';
import { bundledReference } from '../../models/pricing/reference.ts';
import { simulate, simulationSections, summarizeSimulation, type Simulation } from '../../models/simulate/run.ts';
import { WorkerPool } from '../../cli/worker-pool.ts';
import { loadReference } from './reference.ts';

const trials = Number(process.argv[2] ?? 100_000);
const workers = Number(process.argv[3] ?? 2);
const runCount = Math.max(1, Number(process.argv[4] ?? 1));
const { scenario } = loadReference();

let peakHeap = 0;
let peakArrayBuffers = 0;
let peakRss = 0;
const sample = () => {
  const usage = process.memoryUsage();
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  peakArrayBuffers = Math.max(peakArrayBuffers, usage.arrayBuffers);
  peakRss = Math.max(peakRss, usage.rss);
};

/**
 * The process's peak resident memory, all threads: Linux's VmHWM (reset when this process
 * started); elsewhere the largest sample. (getrusage's maxrss is no use in a spawned child: Linux
 * carries over the forked parent's peak.)
 */
function peakResident(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // Not Linux.
  }
  return peakRss;
}
const sampler = setInterval(sample, 5);

interface Run {
  ms: number;
  simulateMs: number;
  summaryMs: number;
  cpuMs: number;
  p50: number;
}
const runs: Run[] = [];
// The first run's clocks start before the pool does: starting the workers is part of it.
let cpuBefore = process.cpuUsage();
let started = performance.now();
const pool = await WorkerPool.start(workers);
let previous: Simulation | null = null;
for (let run = 0; run < runCount; run++) {
  if (previous) {
    pool.recycle(previous);
    cpuBefore = process.cpuUsage();
    started = performance.now();
  }
  const simulation = await simulate(scenario, { trials, seed: 1, reference: bundledReference, executor: pool.executor });
  const simulated = performance.now();
  const computed = await pool.summarize(simulationSections(simulation));
  const result = summarizeSimulation(simulation, bundledReference, undefined, computed);
  const finished = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  runs.push({ ms: finished - started, simulateMs: simulated - started, summaryMs: finished - simulated, cpuMs: (cpu.user + cpu.system) / 1000, p50: result.total.p50 });
  previous = simulation;
}
sample();
clearInterval(sampler);
await pool.close();
process.stdout.write(`${JSON.stringify({ runs, maxRssBytes: peakResident(), peakHeapBytes: peakHeap, peakArrayBufferBytes: peakArrayBuffers })}\n`);
