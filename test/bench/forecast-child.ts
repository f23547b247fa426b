/**
 * One full forecast of the reference scenario in a fresh process, as the CLI runs it: worker
 * threads started, chunks run into shared memory, the result's sections spread over the
 * workers, the result assembled. Prints one JSON line: times, the CPU time of all its threads, the result's P50 and peak memory.
 *
 * Usage (run.ts spawns it): node <this bundled> <trials> <workers>
 */
import { readFileSync } from 'node:fs';
import { bundledReference } from '../../models/pricing/reference.ts';
import { simulate, simulationSections, summarizeSimulation } from '../../models/simulate/run.ts';
import { WorkerPool } from '../../cli/worker-pool.ts';
import { loadReference } from './reference.ts';

const trials = Number(process.argv[2] ?? 100_000);
const workers = Number(process.argv[3] ?? 2);
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

const cpuBefore = process.cpuUsage();
const started = performance.now();
const pool = await WorkerPool.start(workers);
const simulation = await simulate(scenario, { trials, seed: 1, reference: bundledReference, executor: pool.executor });
const simulated = performance.now();
const computed = await pool.summarize(simulationSections(simulation));
const result = summarizeSimulation(simulation, bundledReference, undefined, computed);
const finished = performance.now();
const cpu = process.cpuUsage(cpuBefore);
sample();
clearInterval(sampler);
await pool.close();
process.stdout.write(
  `${JSON.stringify({
    ms: finished - started,
    simulateMs: simulated - started,
    summaryMs: finished - simulated,
    p50: result.total.p50,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssBytes: peakResident(),
    peakHeapBytes: peakHeap,
    peakArrayBufferBytes: peakArrayBuffers,
  })}\n`,
);
