/**
 * `costcast` — forecast, validate, compare, prices. Exit codes: 0 success, 1 bad input (with a
 * message naming the file, path and fix; never a stack trace), 2 wrong usage.
 */
import { writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { bundledReference } from '../models/pricing/reference.ts';
import { listCatalogRows, catalogAsOf } from '../models/pricing/catalog/catalog.ts';
import { chunkCount } from '../models/simulate/chunk.ts';
import { RunCancelled, runSettings, simulate, simulationSections, summarizeSimulation, type RunSettings } from '../models/simulate/run.ts';
import { horizonTotal } from '../models/simulate/summarize.ts';
import { meanAndSd, probability, summarize } from '../models/simulate/stats.ts';
import type { ForecastResult } from '../models/simulate/result.ts';
import { integerOption, parseArgs, UsageError } from './args.ts';
import { money, number, percent, progressBar, table } from './format.ts';
import { forecastReport } from './report.ts';
import { defaultScenarioPath, loadScenarioFile, type LoadedScenario } from './scenario-file.ts';
import { defaultWorkerCount, WorkerPool } from './worker-pool.ts';

const USAGE = `Usage:
  costcast forecast [scenario.json] [--trials N] [--seed S] [--sampling lhs|random] [--workers N] [--json] [--out plan.xlsx]
  costcast validate <scenario.json>
  costcast compare <a.json> <b.json> [--trials N] [--seed S] [--workers N] [--json]
  costcast prices [--gpu H100] [--provider aws] [--json]

Without a scenario, forecast runs the bundled default (scenarios/default.json).
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  errIsTty: boolean;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: Boolean(process.stderr.isTTY),
};

class InputError extends Error {}

/** Runs shorter than this many chunks stay in-process unless --workers is given. */
const IN_PROCESS_BELOW_CHUNKS = 30;

function settingsFrom(values: Record<string, string>): Partial<RunSettings> {
  const trials = integerOption(values, 'trials', 100, 1_000_000);
  const seed = integerOption(values, 'seed', 0, 2 ** 32 - 1);
  const sampling = values.sampling;
  if (sampling !== undefined && sampling !== 'lhs' && sampling !== 'random') throw new UsageError(`--sampling must be lhs or random, got "${sampling}"`);
  return { ...(trials !== undefined ? { trials } : {}), ...(seed !== undefined ? { seed } : {}), ...(sampling ? { sampling } : {}) };
}

async function load(file: string, io: Io): Promise<Extract<LoadedScenario, { ok: true }>> {
  const loaded = await loadScenarioFile(path.resolve(file), bundledReference);
  if (!loaded.ok) throw new InputError(`${loaded.messages.join('\n')}\n${loaded.messages.length} problem${loaded.messages.length === 1 ? '' : 's'} in ${loaded.file}`);
  for (const warning of loaded.warnings) io.err(`${warning}\n`);
  return loaded;
}

/** Worker threads for a run: as --workers asks, else one per core for long runs; 0 runs in-process. */
function threadsFor(trials: number, workers: number | undefined): number {
  return workers ?? (chunkCount(trials) >= IN_PROCESS_BELOW_CHUNKS ? defaultWorkerCount() : 0);
}

/**
 * Runs the simulation on `pool` (in-process without one), a progress bar on a terminal and
 * Ctrl-C to cancel; then the result, its sections spread over the workers. The caller owns the
 * pool: several runs may share it (warm workers, recycled memory).
 */
async function forecastWithProgress(
  loaded: Extract<LoadedScenario, { ok: true }>,
  overrides: Partial<RunSettings>,
  pool: WorkerPool | undefined,
  showProgress: boolean,
  io: Io,
  wantResult = true,
) {
  const settings = runSettings(loaded.scenario, overrides);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  let lastDraw = 0;
  try {
    const simulation = await simulate(loaded.scenario, {
      ...settings,
      reference: bundledReference,
      ...(pool ? { executor: pool.executor } : {}),
      signal: controller.signal,
      onProgress: (done, total) => {
        const now = Date.now();
        if (showProgress && (now - lastDraw > 80 || done === total)) {
          lastDraw = now;
          io.err(`\r${progressBar(done, total)}${done === total ? '\n' : ''}`);
        }
      },
    });
    if (!wantResult) return { simulation, result: null };
    const computed = pool ? await pool.summarize(simulationSections(simulation)) : {};
    return { simulation, result: summarizeSimulation(simulation, bundledReference, undefined, computed) };
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function forecast(args: readonly string[], io: Io): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, ['trials', 'seed', 'sampling', 'workers', 'out'], ['json']);
  if (positionals.length > 1) throw new UsageError('forecast takes one scenario file');
  const overrides = settingsFrom(values);
  const workers = integerOption(values, 'workers', 1, 64);
  // When the flags already say the run goes to worker threads, they start while the file loads.
  const earlyThreads = workers !== undefined || overrides.trials !== undefined ? threadsFor(overrides.trials ?? 0, workers) : 0;
  const early = earlyThreads > 0 ? WorkerPool.start(earlyThreads) : undefined;
  let loaded: Extract<LoadedScenario, { ok: true }>;
  try {
    loaded = await load(positionals[0] ?? defaultScenarioPath, io);
  } catch (error) {
    void early?.then((pool) => pool.close());
    throw error;
  }
  const threads = threadsFor(runSettings(loaded.scenario, overrides).trials, workers);
  const pool = threads === 0 ? undefined : await (early ?? WorkerPool.start(threads));
  const json = flags.has('json');
  let result: ForecastResult;
  try {
    result = (await forecastWithProgress(loaded, overrides, pool, !json && io.errIsTty, io)).result!;
  } finally {
    await pool?.close();
  }
  if (values.out !== undefined) await writeWorkbook(values.out, loaded, result, io);
  io.out(json ? `${JSON.stringify(result, null, 2)}\n` : `${forecastReport(result)}\n`);
  return 0;
}

async function writeWorkbook(target: string, loaded: Extract<LoadedScenario, { ok: true }>, result: ForecastResult, io: Io): Promise<void> {
  if (!target.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out writes an Excel workbook: give a file name ending in .xlsx, got "${target}"`);
  const { buildWorkbook } = await import('../models/io/workbook.ts');
  const bytes = buildWorkbook(loaded.scenario, result, { catalogAsOf: catalogAsOf().newest });
  const file = path.resolve(target);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (error) {
    throw new InputError(`${target}: cannot write the workbook (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  io.err(`Workbook written to ${target}\n`);
}

async function validate(args: readonly string[], io: Io): Promise<number> {
  const { positionals } = parseArgs(args, [], []);
  if (positionals.length !== 1) throw new UsageError('validate takes exactly one scenario file');
  const loaded = await load(positionals[0]!, io);
  const s = loaded.scenario;
  const types = [...new Set(s.workloads.map((w) => w.type))].join(', ');
  io.out(`${loaded.file}: valid — "${s.name}", ${Object.keys(s.drivers ?? {}).length} drivers, ${s.workloads.length} workloads (${types}), ${s.months} months from ${s.start}${s.variants?.length ? `, ${s.variants.length} variants` : ''}\n`);
  return 0;
}

async function compare(args: readonly string[], io: Io): Promise<number> {
  const { positionals, values, flags } = parseArgs(args, ['trials', 'seed', 'sampling', 'workers'], ['json']);
  if (positionals.length !== 2) throw new UsageError('compare takes two scenario files');
  const overrides = settingsFrom(values);
  const workers = integerOption(values, 'workers', 1, 64);
  const [a, b] = [await load(positionals[0]!, io), await load(positionals[1]!, io)];
  const settingsA = runSettings(a.scenario, overrides);
  // Both files run with the same trial count and seed, so drivers with the same name share
  // their random streams (common random numbers) and the per-trial delta is meaningful.
  const shared = { trials: settingsA.trials, seed: settingsA.seed, sampling: settingsA.sampling };
  const json = flags.has('json');
  // One pool for both runs: the second finds its workers warm and reuses the first's memory.
  const threads = threadsFor(shared.trials, workers);
  const pool = threads === 0 ? undefined : await WorkerPool.start(threads);
  let totalA: Float64Array;
  let totalB: Float64Array;
  try {
    const simA = (await forecastWithProgress(a, shared, pool, !json && io.errIsTty, io, false)).simulation;
    totalA = Float64Array.from(horizonTotal(simA.store));
    pool?.recycle(simA);
    const simB = (await forecastWithProgress(b, shared, pool, !json && io.errIsTty, io, false)).simulation;
    totalB = horizonTotal(simB.store);
  } finally {
    await pool?.close();
  }
  const delta = totalB.map((v, t) => v - totalA[t]!);
  const statsA = summarize(totalA);
  const statsB = summarize(totalB);
  const deltaStats = meanAndSd(delta);
  const comparison = {
    trials: shared.trials,
    seed: shared.seed,
    sampling: shared.sampling,
    a: { file: a.file, scenario: a.scenario.name, currency: a.scenario.currency, total: statsA },
    b: { file: b.file, scenario: b.scenario.name, currency: b.scenario.currency, total: statsB },
    deltaP50: statsB.p50 - statsA.p50,
    deltaP90: statsB.p90 - statsA.p90,
    deltaMean: deltaStats.mean,
    deltaStdError: deltaStats.sd / Math.sqrt(delta.length),
    delta: summarize(delta),
    probabilityBCheaper: probability(delta, (d) => d < 0),
  };
  if (json) {
    io.out(`${JSON.stringify(comparison, null, 2)}\n`);
    return 0;
  }
  const c = a.scenario.currency;
  if (b.scenario.currency !== c) io.err(`warning: the scenarios use different currencies (${c}, ${b.scenario.currency}); amounts are compared as numbers\n`);
  const row = (label: string, s: typeof statsA) => [label, money(s.p10, c), money(s.p50, c), money(s.p90, c), money(s.mean, c)];
  io.out(`Compare over ${number(shared.trials)} trials (seed ${shared.seed}, common random numbers)\n`);
  io.out(`${table(['', 'P10', 'P50', 'P90', 'Mean'], [row(`A ${a.scenario.name}`, statsA), row(`B ${b.scenario.name}`, statsB), row('B − A (per trial)', comparison.delta)])}\n`);
  io.out(`  Δ P50 ${money(comparison.deltaP50, c)}, Δ P90 ${money(comparison.deltaP90, c)}, mean Δ ${money(comparison.deltaMean, c)} ± ${money(comparison.deltaStdError, c)}; P(B cheaper) ${percent(comparison.probabilityBCheaper)}\n`);
  return 0;
}

function prices(args: readonly string[], io: Io): number {
  const { positionals, values, flags } = parseArgs(args, ['gpu', 'provider'], ['json']);
  if (positionals.length) throw new UsageError('prices takes no positional arguments');
  const rows = listCatalogRows({ gpu: values.gpu, provider: values.provider });
  if (rows.length === 0) throw new InputError(`no catalog rows match${values.gpu ? ` --gpu ${values.gpu}` : ''}${values.provider ? ` --provider ${values.provider}` : ''}; try \`costcast prices\` to see them all`);
  if (flags.has('json')) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const usd = (v: number | null) => (v === null ? '—' : money(v, 'USD'));
  io.out(
    `${table(
      ['provider', 'region', 'instance', 'GPUs', 'on-demand/GPU-h', 'spot', '1y', '3y', 'as of'],
      rows.map((r) => [r.provider, r.region, r.instanceType, `${r.gpuCount}×${r.gpu}`, usd(r.onDemandPerGpuHour), usd(r.spotPerGpuHour), usd(r.committed1yPerGpuHour) + (r.committedEstimated ? '*' : ''), usd(r.committed3yPerGpuHour) + (r.committedEstimated ? '*' : ''), r.asOf]),
      '',
    )}\n`,
  );
  io.out(`* committed prices estimated from published discount ranges. Sources: costcast prices --json\n`);
  return 0;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'forecast':
        return await forecast(rest, io);
      case 'validate':
        return await validate(rest, io);
      case 'compare':
        return await compare(rest, io);
      case 'prices':
        return prices(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`costcast: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    if (error instanceof RunCancelled) {
      io.err('\ncancelled\n');
      return 130;
    }
    throw error;
  }
}
