/**
 * The price catalog's data files checked: each file against its schema, then across files
 * (known GPUs and regions, no row twice, no data-quality flag). A broken file is reported with
 * the file, the row and the field. The bundled data and its look-ups are bundled-catalog.ts,
 * re-exported here, and the bundled files are checked as this module loads.
 */
import gpusData from './gpus.json';
import llmModelsData from './llm-models.json';
import instancesData from './instances.json';
import regionsData from './regions.json';
import storageData from './storage.json';
import {
  CatalogDataError,
  gpuSpecSchema,
  instancePriceSchema,
  llmModelSchema,
  parseCatalogFile,
  regionSchema,
  storagePriceSchema,
  type InstancePriceRecord,
} from './catalog-schema.ts';
import { catalogDataOf, type CatalogData, type CatalogRecords } from './bundled-catalog.ts';
import { instanceQualityIssues } from './data-quality.ts';
import { instanceKey } from './instance-catalog.ts';

export * from './bundled-catalog.ts';
export { CatalogDataError } from './catalog-schema.ts';

/** The raw contents of the five data files, each `unknown` until validated. */
export interface RawCatalogFiles {
  gpus: unknown;
  llmModels: unknown;
  instances: unknown;
  regions: unknown;
  storage: unknown;
}

/** Problems for rows whose `key` repeats an earlier row in the same file. */
function duplicateProblems<T>(fileName: string, rows: readonly T[], key: (row: T) => string, label: (row: T) => string): string[] {
  const firstRow = new Map<string, number>();
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const seen = firstRow.get(key(row));
    if (seen === undefined) firstRow.set(key(row), index);
    else problems.push(`${fileName}: row ${index + 1} (${label(row)}) repeats row ${seen + 1}`);
  });
  return problems;
}

const instanceLabel = (row: InstancePriceRecord): string => `${row.provider} ${row.region} ${row.instanceType}`;

/**
 * Checks beyond each row's schema: every instance's GPU and region are known, no row is listed
 * twice, and no instance carries a data-quality flag (placeholder price, GPU-count mismatch).
 */
function crossFileProblems(data: CatalogRecords): string[] {
  const gpuIds = new Set(data.gpus.map((gpu) => gpu.id));
  const regionKeys = new Set(data.regions.map((region) => `${region.provider}/${region.region}`));
  const problems = [
    ...duplicateProblems('gpus.json', data.gpus, (gpu) => gpu.id, (gpu) => gpu.id),
    ...duplicateProblems('llm-models.json', data.llmModels, (model) => model.id, (model) => model.id),
    ...duplicateProblems('instances.json', data.instances, instanceKey, instanceLabel),
    ...duplicateProblems('regions.json', data.regions, (r) => `${r.provider}/${r.region}`, (r) => `${r.provider} ${r.region}`),
    ...duplicateProblems('storage.json', data.storage, (s) => `${s.provider}/${s.storageClass}`, (s) => `${s.provider} ${s.storageClass}`),
  ];
  data.instances.forEach((row, index) => {
    const where = `instances.json: row ${index + 1} (${instanceLabel(row)})`;
    if (!gpuIds.has(row.gpu)) {
      problems.push(`${where}, field "gpu": unknown GPU "${row.gpu}"; gpus.json has ${[...gpuIds].join(', ')}`);
    }
    if (!regionKeys.has(`${row.provider}/${row.region}`)) {
      problems.push(`${where}, field "region": ${row.provider}/${row.region} is missing from regions.json`);
    }
    for (const issue of instanceQualityIssues(row)) problems.push(`${where}, field "${issue.field}": ${issue.message} (${issue.flag})`);
  });
  return problems;
}

/** Validates the raw data files and builds the typed catalog data; throws CatalogDataError listing every problem. */
export function validateCatalogData(raw: RawCatalogFiles): CatalogData {
  const gpus = parseCatalogFile('gpus.json', raw.gpus, gpuSpecSchema);
  const llmModels = parseCatalogFile('llm-models.json', raw.llmModels, llmModelSchema);
  const instances = parseCatalogFile('instances.json', raw.instances, instancePriceSchema);
  const regions = parseCatalogFile('regions.json', raw.regions, regionSchema);
  const storage = parseCatalogFile('storage.json', raw.storage, storagePriceSchema);
  if (!('rows' in gpus) || !('rows' in llmModels) || !('rows' in instances) || !('rows' in regions) || !('rows' in storage)) {
    const problems = [gpus, llmModels, instances, regions, storage].flatMap((file) => ('problems' in file ? file.problems : []));
    throw new CatalogDataError(problems);
  }
  const records = { gpus: gpus.rows, llmModels: llmModels.rows, instances: instances.rows, regions: regions.rows, storage: storage.rows };
  const problems = crossFileProblems(records);
  if (problems.length > 0) throw new CatalogDataError(problems);
  return catalogDataOf(records);
}

// The bundled files checked as this module loads: the command line's main thread and the app
// load it, so a broken file stops them here, naming the file, the row and the field, before any
// forecast. Worker threads load bundled-catalog.ts alone (the same data, catalog.test.ts checks
// that it is exactly what this check builds), without the schema library.
validateCatalogData({ gpus: gpusData, llmModels: llmModelsData, instances: instancesData, regions: regionsData, storage: storageData });
