#!/usr/bin/env node
// Writes scenarios/data/rag-gateway-daily.csv: a SYNTHETIC daily export of an LLM gateway
// (queries and prompt tokens per team) for the bundled scenario scenarios/enterprise-rag.json.
// No figure in it is a real measurement. It is generated from fixed seeds, so running this
// again reproduces the file byte for byte:
//
//   node scenarios/data/generate-rag-gateway-daily.mjs
//
// Shapes (queries per working day; weekends carry 12 % of a working day):
// - engineering: adoption saturating towards 11,000 a day (logistic, midpoint 2026-01);
// - sales: growing 7 % a month from 1,200 a day (exponential);
// - legal: 300 a day plus 60 more each month (linear);
// - hr: 150 a day plus 15 more each month (linear).
// Each team's month has a persistent deviation (AR(1), ρ = 0.5, σ = 4 %) and each day its own
// noise (σ = 10 %); prompt tokens are about 6,000 per query.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function normals(seed) {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const teams = {
  engineering: (m) => 11_000 / (1 + Math.exp(-0.35 * (m - 6))),
  sales: (m) => 1200 * 1.07 ** m,
  legal: (m) => 300 + 60 * m,
  hr: (m) => 150 + 15 * m,
};

const first = Date.UTC(2025, 6, 1); // 2025-07-01
const last = Date.UTC(2026, 11, 31); // 2026-12-31
const lines = ['date,team,queries,prompt_tokens'];
const noise = Object.fromEntries(Object.keys(teams).map((team, i) => [team, normals(20_260_000 + i)]));
const monthDeviation = Object.fromEntries(Object.keys(teams).map((team) => [team, 0]));
let currentMonth = -1;
for (let t = first; t <= last; t += 86_400_000) {
  const day = new Date(t);
  const m = (day.getUTCFullYear() - 2025) * 12 + day.getUTCMonth() - 6;
  if (m !== currentMonth) {
    currentMonth = m;
    for (const team of Object.keys(teams)) monthDeviation[team] = 0.5 * monthDeviation[team] + 0.04 * Math.sqrt(1 - 0.25) * noise[team]();
  }
  const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
  for (const [team, level] of Object.entries(teams)) {
    const queries = Math.round(level(m) * (weekend ? 0.12 : 1) * Math.exp(monthDeviation[team] + 0.1 * noise[team]() - 0.005));
    const promptTokens = Math.round(queries * 6000 * Math.exp(0.05 * noise[team]()));
    lines.push(`${day.toISOString().slice(0, 10)},${team},${queries},${promptTokens}`);
  }
}
writeFileSync(fileURLToPath(new URL('rag-gateway-daily.csv', import.meta.url)), `${lines.join('\n')}\n`);
