import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import gpusData from './gpus.json';
import llmModelsData from './llm-models.json';
import instancesData from './instances.json';
import regionsData from './regions.json';
import storageData from './storage.json';
import {
  CatalogDataError,
  bundledCatalog,
  bundledCatalogData,
  catalogAsOf,
  createCatalog,
  getGpuSpec,
  getLlmModel,
  getRegion,
  getStoragePrice,
  gpuSpecs,
  instances,
  listCatalogRows,
  llmModels,
  providers,
  regions,
  resolveGpuPrices,
  storagePrices,
  validateCatalogData,
  type InstancePrice,
  type RawCatalogFiles,
} from './catalog.ts';
import { PLACEHOLDER_PRICES, instanceQualityIssues, statedGpuCount } from './data-quality.ts';

const today = new Date().toISOString().slice(0, 10);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function rawFiles(): RawCatalogFiles {
  return structuredClone({
    gpus: gpusData,
    llmModels: llmModelsData,
    instances: instancesData,
    regions: regionsData,
    storage: storageData,
  });
}

/** The problems validateCatalogData reports for a broken copy of the bundled files. */
function problemsOf(mutate: (files: { instances: { rows: Record<string, unknown>[] }; gpus: { rows: Record<string, unknown>[] } }) => void): readonly string[] {
  const files = rawFiles();
  mutate(files as unknown as { instances: { rows: Record<string, unknown>[] }; gpus: { rows: Record<string, unknown>[] } });
  try {
    validateCatalogData(files);
  } catch (error) {
    if (error instanceof CatalogDataError) return error.problems;
    throw error;
  }
  throw new Error('validateCatalogData accepted broken data');
}

describe('every bundled row is sourced and dated', () => {
  const datedRows: { file: string; label: string; source: string; asOf: string }[] = [
    ...gpuSpecs.map((row) => ({ file: 'gpus', label: row.id, source: row.source, asOf: row.asOf })),
    ...llmModels.map((row) => ({ file: 'llm-models', label: row.id, source: row.source, asOf: row.asOf })),
    ...instances.map((row) => ({ file: 'instances', label: `${row.provider} ${row.instanceType}`, source: row.source, asOf: row.asOf })),
    ...regions.map((row) => ({ file: 'regions', label: `${row.provider} ${row.region}`, source: row.source, asOf: row.asOf })),
    ...storagePrices.map((row) => ({ file: 'storage', label: row.provider, source: row.source, asOf: row.asOf })),
  ];

  it.each(datedRows)('$file $label has a source and a past as-of date', (row) => {
    expect(row.source.trim().length).toBeGreaterThan(10);
    expect(row.asOf).toMatch(isoDate);
    expect(Number.isNaN(Date.parse(`${row.asOf}T00:00:00Z`))).toBe(false);
    expect(row.asOf <= today).toBe(true);
  });
});

describe('instance prices', () => {
  // Values that appear in open catalogs as placeholders rather than prices (700.0 marks missing
  // TPU prices in the GCP snapshot this catalog reads). Per-hour instance prices never take them.
  const placeholders = [0, 1, 9999, 99999, 123.45, 1234.5, 700];

  it.each(instances.map((row) => [`${row.provider} ${row.region} ${row.instanceType}`, row] as const))('%s: prices are real and ordered', (_label, row) => {
    const prices = [row.onDemandPerHour, row.spotPerHour, row.committed1yPerHour, row.committed3yPerHour].filter((p): p is number => p !== null);
    for (const price of prices) {
      expect(Number.isFinite(price)).toBe(true);
      expect(price).toBeGreaterThan(0);
      expect(placeholders).not.toContain(price);
    }
    if (row.spotPerHour !== null) expect(row.spotPerHour).toBeLessThan(row.onDemandPerHour);
    if (row.committed1yPerHour !== null) expect(row.committed1yPerHour).toBeLessThan(row.onDemandPerHour);
    if (row.committed3yPerHour !== null && row.committed1yPerHour !== null) {
      expect(row.committed3yPerHour).toBeLessThanOrEqual(row.committed1yPerHour);
    }
  });

  it('derives every per-GPU-hour price as instance price / GPU count', () => {
    for (const row of instances) {
      expect(row.onDemandPerGpuHour).toBeCloseTo(row.onDemandPerHour / row.gpuCount, 12);
      expect(row.spotPerGpuHour).toBe(row.spotPerHour === null ? null : row.spotPerHour / row.gpuCount);
      expect(row.committed1yPerGpuHour).toBe(row.committed1yPerHour === null ? null : row.committed1yPerHour / row.gpuCount);
      expect(row.committed3yPerGpuHour).toBe(row.committed3yPerHour === null ? null : row.committed3yPerHour / row.gpuCount);
    }
  });

  it('marks estimated commitments and applies the documented 37% / 55% discounts to them', () => {
    // docs/price-catalog.md, "Committed prices": 1-year = on-demand x 0.63, 3-year = x 0.45, rounded to 4 decimals.
    const estimated = instances.filter((row) => row.committedEstimated);
    expect(estimated.length).toBeGreaterThan(0);
    for (const row of estimated) {
      expect(row.notes).toMatch(/0\.37/);
      expect(Math.abs((row.committed1yPerHour ?? 0) - row.onDemandPerHour * 0.63)).toBeLessThan(0.00006);
      expect(Math.abs((row.committed3yPerHour ?? 0) - row.onDemandPerHour * 0.45)).toBeLessThan(0.00006);
    }
    for (const row of instances.filter((r) => r.committed1yPerHour === null)) {
      expect(row.committedEstimated).toBe(false);
      expect(row.notes).toMatch(/commit/i);
    }
  });

  it('gives each instance the GPU count its family is built with', () => {
    // GPU counts per instance type as the sources cited in instances.json list them.
    const knownGpuCounts: Record<string, number> = {
      'p5.48xlarge': 8,
      'p4d.24xlarge': 8,
      'p4de.24xlarge': 8,
      'g6.xlarge': 1,
      'a3-highgpu-8g': 8,
      'a2-highgpu-8g': 8,
      'g2-standard-4': 1,
      Standard_ND96isr_H100_v5: 8,
      Standard_ND96amsr_A100_v4: 8,
      Standard_ND96asr_v4: 8,
      'NVIDIA HGX H100': 8,
      'NVIDIA HGX H200': 8,
      'NVIDIA HGX B200': 8,
      'NVIDIA A100': 8,
      '8x NVIDIA H100 SXM': 8,
      '1x NVIDIA H100 SXM': 1,
      '8x NVIDIA A100 SXM 80 GB': 8,
      '8x NVIDIA A100 SXM 40 GB': 8,
      '8x NVIDIA B200 SXM6': 8,
    };
    for (const row of instances) {
      expect(knownGpuCounts[row.instanceType], `add ${row.instanceType} to knownGpuCounts`).toBe(row.gpuCount);
      const gcpSuffix = /-(\d+)g$/.exec(row.instanceType);
      if (row.provider === 'gcp' && gcpSuffix) expect(row.gpuCount).toBe(Number(gcpSuffix[1]));
      const countPrefix = /^(\d+)x /.exec(row.instanceType);
      if (countPrefix) expect(row.gpuCount).toBe(Number(countPrefix[1]));
    }
  });

  it('refers only to GPUs in gpus.json and regions in regions.json', () => {
    for (const row of instances) {
      expect(getGpuSpec(row.gpu)?.id).toBe(row.gpu);
      expect(getRegion(row.provider, row.region), `${row.provider}/${row.region}`).toBeDefined();
    }
  });

  it('covers at least 5 providers and 4 GPU types, including H100, A100, L4 and H200 or B200', () => {
    expect(providers()).toEqual(expect.arrayContaining(['aws', 'gcp', 'azure', 'coreweave', 'lambda']));
    const gpus = bundledCatalog.gpus();
    expect(gpus.length).toBeGreaterThanOrEqual(4);
    expect(gpus).toEqual(expect.arrayContaining(['H100', 'A100', 'L4']));
    expect(gpus.includes('H200') || gpus.includes('B200')).toBe(true);
  });

  it('keeps on-demand per-GPU-hour prices inside bands drawn from independent sources', () => {
    // Observed on-demand USD per GPU-hour, by source and date, and the band allowed around them:
    // H100: Lambda 3.99 (2026-09-20), CoreWeave 6.155 (2026-09-20), AWS 6.88, GCP 10.98, Azure 12.29
    //   (SkyPilot snapshots, 2026-11-09); RunPod community 2.69 (datareceipts 2026-11-09) -> [1.5, 15].
    // A100 40GB: Lambda 1.99, AWS 2.745, Azure 3.40, GCP 3.67 -> [1, 6].
    // A100 80GB: CoreWeave 2.70, Lambda 2.79, AWS 3.43, Azure 4.10 -> [1, 6].
    // L4: GCP 0.707, AWS 0.805 (one GPU per instance) -> [0.3, 2].
    // H200: CoreWeave 6.305; AWS Capacity Block p5en 41.61/8 = 5.20 (administraciondesistemas.com, 2026) -> [2, 15].
    // B200: Lambda 6.69, CoreWeave 8.60; GCP GPU part 64.44/8 = 8.06 (SkyPilot gcp v8) -> [3, 20].
    const bands: Record<string, [number, number]> = {
      H100: [1.5, 15],
      A100: [1, 6],
      'A100-80GB': [1, 6],
      L4: [0.3, 2],
      H200: [2, 15],
      B200: [3, 20],
    };
    for (const row of instances) {
      const band = bands[row.gpu];
      expect(band, `no plausibility band for ${row.gpu}`).toBeDefined();
      if (!band) continue;
      expect(row.onDemandPerGpuHour).toBeGreaterThanOrEqual(band[0]);
      expect(row.onDemandPerGpuHour).toBeLessThanOrEqual(band[1]);
    }
  });
});

describe('LLM model prices', () => {
  it('lists at least 12 models from OpenAI, Anthropic and Google', () => {
    expect(llmModels.length).toBeGreaterThanOrEqual(12);
    expect(new Set(llmModels.map((model) => model.provider))).toEqual(new Set(['openai', 'anthropic', 'google']));
  });

  it.each(llmModels.map((model) => [model.id, model] as const))('%s: prices are positive and consistent', (_id, model) => {
    // $1.00 is a real price (Claude Haiku 4.5 input), so only the other placeholder values are rejected here.
    for (const price of [model.input, model.cachedInput, model.output]) {
      expect(price).toBeGreaterThan(0);
      expect([9999, 123.45, 700]).not.toContain(price);
    }
    expect(model.cachedInput).toBeLessThanOrEqual(model.input);
    expect(model.output).toBeGreaterThan(model.input);
    if (model.batchDiscount !== null) {
      expect(model.batchDiscount).toBeGreaterThan(0);
      expect(model.batchDiscount).toBeLessThan(1);
    }
    if (!model.cachedInputListed) expect(model.cachedInput).toBe(model.input);
  });

  it('carries the Gemini 2.5 Pro long-context tier above 200k tokens', () => {
    expect(getLlmModel('gemini-2.5-pro')?.longContext).toEqual({ thresholdTokens: 200_000, input: 2.5, cachedInput: 0.25, output: 15 });
    expect(getLlmModel('GPT-4o')).toMatchObject({ input: 2.5, cachedInput: 1.25, output: 10, batchDiscount: 0.5 });
    expect(getLlmModel('no-such-model')).toBeUndefined();
  });
});

describe('regions and storage', () => {
  it('has a positive grid factor and a PUE of at least 1 everywhere, and documents every estimate', () => {
    for (const region of regions) {
      expect(region.gridGCo2ePerKwh).toBeGreaterThan(0);
      expect(region.pue).toBeGreaterThanOrEqual(1);
      if (region.estimated) expect(region.notes).toMatch(/estimated/i);
    }
  });

  it('reproduces the worked example: 8x H100 at TDP emit about 2.41 kg CO2e per hour in us-east-1', () => {
    // GPU power only, at TDP: 8 x 700 W x PUE 1.135 = 6.356 kWh per hour; x 379 g = 2.409 kg; x 8.8 g (eu-north-1) = 0.056 kg.
    const h100 = getGpuSpec('H100');
    const useast = getRegion('aws', 'us-east-1');
    const stockholm = getRegion('aws', 'eu-north-1');
    if (!h100 || !useast || !stockholm) throw new Error('missing reference rows');
    const kwhPerHour = (8 * h100.tdpWatts * useast.pue) / 1000;
    expect(kwhPerHour).toBeCloseTo(6.356, 3);
    expect((kwhPerHour * useast.gridGCo2ePerKwh) / 1000).toBeCloseTo(2.409, 3);
    expect((kwhPerHour * stockholm.gridGCo2ePerKwh) / 1000).toBeCloseTo(0.0559, 4);
  });

  it('prices standard storage per TB (1 TB = 1,000 GB) and explains free egress', () => {
    expect(getStoragePrice('aws')).toMatchObject({ perGbMonth: 0.023, perTbMonth: 23, egressPerGb: 0.09, egressPerTb: 90 });
    for (const row of storagePrices) {
      if (row.perGbMonth !== null) expect(row.perTbMonth).toBeCloseTo(row.perGbMonth * 1000, 9);
      expect(row.egressPerTb).toBeCloseTo(row.egressPerGb * 1000, 9);
      if (row.egressPerGb === 0) expect(row.notes).toMatch(/free/i);
    }
    expect(new Set(storagePrices.map((row) => row.provider))).toEqual(new Set(providers()));
  });
});

describe('resolveGpuPrices', () => {
  it('returns per-GPU-hour prices of the instance in the requested provider and region', () => {
    const price = resolveGpuPrices('H100', { provider: 'aws', region: 'us-east-1' });
    // p5.48xlarge: $55.04/h, spot $25.75/h, committed $34.6752 / $24.768 per hour, 8 GPUs.
    expect(price).toMatchObject({ gpu: 'H100', provider: 'aws', region: 'us-east-1', instanceType: 'p5.48xlarge', resolvedBy: 'exact', committedEstimated: true, asOf: '2026-11-09' });
    expect(price?.onDemand).toBeCloseTo(6.88, 10);
    expect(price?.spot).toBeCloseTo(3.21875, 10);
    expect(price?.committed1y).toBeCloseTo(4.3344, 10);
    expect(price?.committed3y).toBeCloseTo(3.096, 10);
  });

  it('falls back to the provider\'s cheapest region when the region does not offer the GPU', () => {
    expect(resolveGpuPrices('A100', { provider: 'gcp', region: 'us-east4' })).toMatchObject({ region: 'us-central1', instanceType: 'a2-highgpu-8g', resolvedBy: 'region-not-offered' });
    expect(resolveGpuPrices('H100', { provider: 'lambda' })).toMatchObject({ instanceType: '8x NVIDIA H100 SXM', onDemand: 3.99, resolvedBy: 'provider-cheapest' });
  });

  it('defaults to the cheapest hyperscaler, and to any provider for GPUs no hyperscaler offers', () => {
    // H100 on demand per GPU-hour: AWS 6.88 < GCP 10.98 < Azure 12.29 (Lambda's 3.99 is not a default).
    expect(resolveGpuPrices('h100')).toMatchObject({ provider: 'aws', resolvedBy: 'default' });
    // H200: CoreWeave only, $50.44 / 8.
    expect(resolveGpuPrices('H200')?.onDemand).toBeCloseTo(6.305, 10);
    // B200: Lambda $6.69 beats CoreWeave $68.80 / 8 = $8.60.
    expect(resolveGpuPrices('B200')).toMatchObject({ provider: 'lambda', onDemand: 6.69, spot: null, committed1y: null });
  });

  it('matches names in any case and returns undefined when nothing offers the GPU', () => {
    expect(resolveGpuPrices('l4', { provider: 'AWS', region: 'US-EAST-1' })).toMatchObject({ instanceType: 'g6.xlarge', onDemand: 0.8048, resolvedBy: 'exact' });
    expect(resolveGpuPrices('B200', { provider: 'aws' })).toBeUndefined();
    expect(resolveGpuPrices('TPU-v9')).toBeUndefined();
  });

  it('picks the same row whatever order the rows come in', () => {
    const rows: InstancePrice[] = [...instances].reverse();
    const reversed = createCatalog(rows);
    for (const gpu of bundledCatalog.gpus()) {
      expect(reversed.resolveGpuPrices(gpu)).toEqual(resolveGpuPrices(gpu));
    }
  });
});

describe('listCatalogRows and catalogAsOf', () => {
  it('lists flat rows filtered by GPU and provider', () => {
    const h100 = listCatalogRows({ gpu: 'H100' });
    expect(h100.map((row) => row.provider)).toEqual(['aws', 'gcp', 'azure', 'coreweave', 'lambda', 'lambda']);
    expect(Object.keys(h100[0] ?? {})).toEqual(
      expect.arrayContaining([
        'provider', 'region', 'instanceType', 'gpu', 'gpuCount', 'onDemandPerHour', 'spotPerHour', 'committed1yPerHour', 'committed3yPerHour',
        'onDemandPerGpuHour', 'spotPerGpuHour', 'committed1yPerGpuHour', 'committed3yPerGpuHour', 'committedEstimated', 'source', 'asOf',
      ]),
    );
    expect(listCatalogRows({ provider: 'Lambda', gpu: 'b200' })).toHaveLength(1);
    expect(listCatalogRows()).toHaveLength(instances.length);
  });

  it('reports the oldest and newest as-of date of the prices', () => {
    const dates = [...instances, ...llmModels, ...storagePrices].map((row) => row.asOf);
    const oldest = dates.reduce((a, b) => (b < a ? b : a));
    const newest = dates.reduce((a, b) => (b > a ? b : a));
    expect(catalogAsOf()).toEqual({ oldest, newest });
    expect(oldest < newest).toBe(true);
  });
});

describe('validateCatalogData', () => {
  it('accepts the bundled files and builds from them exactly the data the app and the engine use', () => {
    // The bundled data is built from the files without the schemas (bundled-catalog.ts): this is
    // where a file that does not match its schema, or that the schema would change, is caught.
    expect(validateCatalogData(rawFiles())).toEqual(bundledCatalogData);
  });

  it('names the file, row and field of a broken price', () => {
    const problems = problemsOf((files) => {
      const row = files.instances.rows[2];
      if (row) row['spotPerHour'] = 999;
    });
    expect(problems).toEqual(['instances.json: row 3 (aws us-east-1 p4de.24xlarge), field "spotPerHour": must be below onDemandPerHour (27.45)']);
  });

  it('reports wrong types, bad dates and unknown fields', () => {
    const problems = problemsOf((files) => {
      const gpu = files.gpus.rows[0];
      if (gpu) {
        gpu['tdpWatts'] = '700';
        gpu['asOf'] = '2026-02-30';
        gpu['tdp'] = 700;
      }
    });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^gpus\.json: row 1 \(H100\), field "tdpWatts": /);
    expect(problems.some((p) => p.startsWith('gpus.json: row 1 (H100), field "asOf": a calendar date as YYYY-MM-DD'))).toBe(true);
    expect(problems.some((p) => p.startsWith('gpus.json: row 1 (H100), the row:') && p.includes('tdp'))).toBe(true);
  });

  it('rejects instances whose GPU or region is not in the reference files, and duplicate rows', () => {
    const problems = problemsOf((files) => {
      const first = files.instances.rows[0];
      if (first) {
        first['gpu'] = 'H100X';
        first['region'] = 'mars-1';
      }
      const second = files.instances.rows[1];
      if (second) files.instances.rows.push({ ...second });
    });
    expect(problems).toContain('instances.json: row 20 (aws us-east-1 p4d.24xlarge) repeats row 2');
    expect(problems).toContain('instances.json: row 1 (aws mars-1 p5.48xlarge), field "region": aws/mars-1 is missing from regions.json');
    expect(problems.find((p) => p.includes('field "gpu"'))).toMatch(/^instances\.json: row 1 \(aws mars-1 p5\.48xlarge\), field "gpu": unknown GPU "H100X"; gpus\.json has H100, H200/);
  });
});

describe('data-quality checks fail on bad rows', () => {
  /** Index of a bundled instance row by type. */
  const rowIndex = (instanceType: string) => instancesData.rows.findIndex((row) => row.instanceType === instanceType);
  const p5 = rowIndex('p5.48xlarge');
  const lambda8 = rowIndex('8x NVIDIA H100 SXM');
  const coreweaveH100 = rowIndex('NVIDIA HGX H100');
  const mutateRow = (index: number, change: Record<string, unknown>) =>
    problemsOf((files) => {
      Object.assign(files.instances.rows[index]!, change);
    });

  it('every bundled row states its GPU count in its type name or notes, and it agrees', () => {
    for (const row of instances) expect(statedGpuCount(row), `${row.provider} ${row.instanceType}`).toBe(row.gpuCount);
    for (const row of instances) expect(instanceQualityIssues(row), `${row.provider} ${row.instanceType}`).toEqual([]);
  });

  it('spot at or above on-demand', () => {
    expect(mutateRow(p5, { spotPerHour: 55.04 })).toEqual([`instances.json: row ${p5 + 1} (aws us-east-1 p5.48xlarge), field "spotPerHour": must be below onDemandPerHour (55.04)`]);
    expect(instanceQualityIssues({ ...instances[p5]!, spotPerHour: 60 }).map((i) => i.flag)).toEqual(['spot-not-below-on-demand']);
  });

  it('a zero price', () => {
    const problems = mutateRow(p5, { onDemandPerHour: 0, spotPerHour: null, committed1yPerHour: null, committed3yPerHour: null, committedEstimated: false });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.startsWith(`instances.json: row ${p5 + 1} (aws us-east-1 p5.48xlarge), field "onDemandPerHour": a price above 0`)).toBe(true);
    expect(instanceQualityIssues({ ...instances[p5]!, committed3yPerHour: 0 }).map((i) => [i.flag, i.field])).toEqual([['zero-price', 'committed3yPerHour']]);
  });

  it.each(PLACEHOLDER_PRICES.filter((price) => price > 100).map((price) => [price]))('the placeholder price %s', (price) => {
    const problems = mutateRow(p5, { onDemandPerHour: price });
    expect(problems).toEqual([`instances.json: row ${p5 + 1} (aws us-east-1 p5.48xlarge), field "onDemandPerHour": ${price} is a placeholder value, not a price (placeholder-price)`]);
  });

  it('a GPU count that disagrees with the instance type or the notes', () => {
    expect(mutateRow(p5, { gpuCount: 4 })).toEqual([`instances.json: row ${p5 + 1} (aws us-east-1 p5.48xlarge), field "gpuCount": is 4, but the instance type or notes say 8 GPUs (gpu-count-mismatch)`]);
    expect(mutateRow(coreweaveH100, { gpuCount: 1 })[0]).toContain('field "gpuCount": is 1, but the instance type or notes say 8 GPUs');
    // Lambda prices per GPU-hour: a wrong count shows against both the name and the quoted rate.
    const lambda = mutateRow(lambda8, { gpuCount: 1 });
    expect(lambda).toHaveLength(2);
    expect(lambda[1]).toContain('onDemandPerHour / gpuCount = 31.9200, but the source quotes $3.99/GPU-h');
  });

  it('an instance price that does not match the per-GPU-hour rate its source quotes', () => {
    // The older Lambda figure ($2.99/GPU-h × 8) against notes quoting $3.99.
    expect(mutateRow(lambda8, { onDemandPerHour: 23.92 })).toEqual([
      `instances.json: row ${lambda8 + 1} (lambda us 8x NVIDIA H100 SXM), field "gpuCount": onDemandPerHour / gpuCount = 2.9900, but the source quotes $3.99/GPU-h (gpu-count-mismatch)`,
    ]);
  });
});

describe('docs/price-catalog.md', () => {
  const doc = readFileSync(new URL('../../../docs/price-catalog.md', import.meta.url), 'utf8');

  it('lists every instance row with the prices and dates of instances.json', () => {
    const providerIds = new Set(instances.map((row) => row.provider));
    const documented = doc
      .split('\n')
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
      .filter((cells) => cells.length === 11 && providerIds.has(cells[0]!));
    const price = (text: string) => (text === '—' ? null : Number(text.replace('*', '')));
    expect(documented.map(([provider, region, instanceType, gpu, count, onDemand, , spot, c1, c3, asOf]) => ({
      provider, region, instanceType, gpu, gpuCount: Number(count), onDemandPerHour: price(onDemand!), spotPerHour: price(spot!),
      committed1yPerHour: price(c1!), committed3yPerHour: price(c3!), asOf,
    }))).toEqual(instances.map((row) => ({
      provider: row.provider, region: row.region, instanceType: row.instanceType, gpu: row.gpu, gpuCount: row.gpuCount,
      onDemandPerHour: row.onDemandPerHour, spotPerHour: row.spotPerHour, committed1yPerHour: row.committed1yPerHour,
      committed3yPerHour: row.committed3yPerHour, asOf: row.asOf,
    })));
    // The per-GPU-hour column is the derived price, to the digits shown.
    for (const cells of documented) {
      const row = instances.find((r) => r.provider === cells[0] && r.instanceType === cells[2])!;
      expect(Math.abs(Number(cells[6]) - row.onDemandPerGpuHour)).toBeLessThan(0.0006);
    }
  });

  it('counts the rows of each file as they are', () => {
    const count = (file: string) => Number(new RegExp(`\\| \`${file}\` \\| (\\d+) \\|`).exec(doc)?.[1]);
    expect(count('gpus.json')).toBe(gpuSpecs.length);
    expect(count('llm-models.json')).toBe(llmModels.length);
    expect(count('instances.json')).toBe(instances.length);
    expect(count('regions.json')).toBe(regions.length);
    expect(count('storage.json')).toBe(storagePrices.length);
  });
});
