/**
 * Import throughput: a 100,000-row daily CSV (date, service, region, project, requests,
 * tokens, cost with thousands separators and quoted text; 1,000 days) read with readTable and turned into monthly
 * series per service with toMonthlySeries. Goal: under 2 s for 100k rows.
 *
 * Run alone: node cli/bin/run-ts.mjs test/bench/import-bench.ts
 */

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTable } from '../../models/io/table-read.ts';
import { toMonthlySeries } from '../../models/io/usage-series.ts';
import { isImportError } from '../../models/io/table-types.ts';

const ROWS = 100_000;
const SERVICES = ['chat-assistant', 'search, ranking', 'batch-summaries', 'code-review', 'support "tier 2"'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-south-1', 'us-west-2'];
const PROJECTS = ['web', 'mobile', 'internal', 'partner-api', 'eval'];

/** The benchmark's CSV: ROWS rows, 100 per day (5 services × 4 regions × 5 projects, 1,000 days), as UTF-8 bytes. */
export function buildDailyCsv(rows = ROWS): Uint8Array {
  const lines = ['date,service,region,project,requests,tokens,cost_usd'];
  const perDay = SERVICES.length * REGIONS.length * PROJECTS.length;
  const start = Date.UTC(2023, 0, 1);
  // A fixed linear congruential sequence keeps the file identical on every run.
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  for (let i = 0; i < rows; i++) {
    const day = Math.floor(i / perDay);
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const service = SERVICES[i % SERVICES.length] ?? '';
    const region = REGIONS[Math.floor(i / SERVICES.length) % REGIONS.length] ?? '';
    const project = PROJECTS[Math.floor(i / (SERVICES.length * REGIONS.length)) % PROJECTS.length] ?? '';
    const requests = Math.round(100 + day * 0.3 + next() * 50);
    const tokens = requests * 1200;
    const cents = Math.round((tokens * 0.01 + next() * 10) * 100);
    const quoted = service.includes(',') || service.includes('"') ? `"${service.replace(/"/g, '""')}"` : service;
    lines.push(`${date},${quoted},${region},${project},${requests},${tokens},"${withThousands(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}"`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** 1234567 → "1,234,567" (toLocaleString is too slow to call 100,000 times). */
function withThousands(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Times readTable + toMonthlySeries on the 100k-row daily CSV; milliseconds and rows per second. */
export async function benchImport(): Promise<{ rows: number; ms: number; rowsPerSecond: number }> {
  const bytes = buildDailyCsv();
  // One untimed pass lets the JIT compile the parser, as it will have in a running app.
  runOnce(bytes);
  const started = performance.now();
  runOnce(bytes);
  const ms = performance.now() - started;
  return { rows: ROWS, ms: Math.round(ms), rowsPerSecond: Math.round((ROWS / ms) * 1000) };
}

function runOnce(bytes: Uint8Array): void {
  const table = readTable(bytes, 'daily-usage.csv');
  if (isImportError(table)) throw new Error(`benchmark CSV did not read: ${table.message}`);
  const monthly = toMonthlySeries(table, { date: 'date', value: 'cost_usd', groupBy: 'service' });
  if (isImportError(monthly)) throw new Error(`benchmark CSV did not aggregate: ${monthly.message}`);
  if (Object.keys(monthly.series).length !== SERVICES.length) throw new Error('benchmark CSV lost a service');
}

/** Run as the entry file (directly, or through cli/bin/run-ts.mjs, which puts the entry in argv[1])? */
function isEntryPoint(): boolean {
  const invoked = process.argv[1];
  return invoked !== undefined && pathToFileURL(path.resolve(invoked)).href === import.meta.url;
}

if (isEntryPoint()) {
  const result = await benchImport();
  process.stdout.write(
    `import: ${result.rows.toLocaleString('en-US')} rows in ${result.ms} ms (${result.rowsPerSecond.toLocaleString('en-US')} rows/s; goal < 2000 ms)\n`,
  );
}
