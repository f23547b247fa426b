import { describe, expect, it } from 'vitest';
import { createCatalog, instances } from './catalog/catalog.ts';
import { USER_PRICE_CSV_HEADER, mergeCatalog, parseUserPriceCsv, type UserPriceParseResult } from './user-prices.ts';

const today = '2026-11-23';

function rowsOf(result: UserPriceParseResult) {
  if ('errors' in result) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.rows;
}

function errorsOf(result: UserPriceParseResult) {
  if ('rows' in result) throw new Error('expected errors, got rows');
  return result.errors;
}

// Rows below are test fixtures, not catalog data: "example-cloud" is a made-up provider.
describe('parseUserPriceCsv', () => {
  it('reads a comma file with the documented header, optional cells and derived per-GPU prices', () => {
    const text = [
      USER_PRICE_CSV_HEADER,
      'aws,us-east-1,p5.48xlarge,H100,8,40,20,30,22,"Our AWS agreement, 2026 ""EDP"" rates",2026-10-01',
      'example-cloud,eu-1,big-8,b200,8,48,,,,quote from sales,2026-09-30',
    ].join('\r\n');
    const rows = rowsOf(parseUserPriceCsv(text, 'prices.csv', { today }));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      provider: 'aws',
      instanceType: 'p5.48xlarge',
      gpu: 'H100',
      onDemandPerHour: 40,
      onDemandPerGpuHour: 5,
      spotPerGpuHour: 2.5,
      committed1yPerGpuHour: 3.75,
      committed3yPerGpuHour: 2.75,
      committedEstimated: false,
      source: 'Our AWS agreement, 2026 "EDP" rates',
      notes: 'from prices.csv, row 2',
    });
    expect(rows[1]).toMatchObject({ provider: 'example-cloud', gpu: 'B200', spotPerHour: null, committed1yPerHour: null, committed3yPerHour: null, onDemandPerGpuHour: 6 });
  });

  it('reads a semicolon file with decimal commas, a BOM, columns in any order and case, and a notes column', () => {
    const text = '\uFEFFGPU;Provider;Region;InstanceType;GpuCount;OnDemandPerHour;Source;AsOf;Notes\n' +
      'L4;gcp;us-central1;g2-standard-4;1;0,65;"renewal; signed";2026-11-01;"line one\nline two"\n\n';
    const rows = rowsOf(parseUserPriceCsv(text, 'eu.csv', { today }));
    expect(rows).toEqual([
      expect.objectContaining({ gpu: 'L4', provider: 'gcp', onDemandPerHour: 0.65, spotPerHour: null, source: 'renewal; signed', notes: 'line one\nline two' }),
    ]);
  });

  it('names the row, the column and the reason for every bad cell', () => {
    const text = [
      USER_PRICE_CSV_HEADER,
      'aws,us-east-1,p5.48xlarge,H100X,8,55.04,,,,quote,2026-09-01',
      'AWS!,us-east-1,p4d.24xlarge,A100,eight,$21.96,,,,quote,2026-13-01',
      'gcp,us-central1,a2-highgpu-8g,A100,8,29.39,30,,,quote,2026-09-01',
      'lambda,us,8x NVIDIA H100 SXM,H100,8,31.92,,20,25,quote,2026-09-01',
      'azure,eastus,Standard_ND96asr_v4,A100,8,27.2,,,,,2027-01-01',
      'coreweave,na,NVIDIA HGX H100,H100,8,49.24,0,,,quote,2026-09-20,extra',
    ].join('\n');
    expect(errorsOf(parseUserPriceCsv(text, 'bad.csv', { today }))).toEqual([
      { row: 2, column: 'gpu', message: 'unknown GPU "H100X"; known: H100, H200, A100, A100-80GB, L4, B200' },
      { row: 3, column: 'provider', message: '"AWS!" is not a provider id; use lower-case letters, digits and dashes, e.g. aws' },
      { row: 3, column: 'gpuCount', message: '"eight" is not a whole number of GPUs (1 or more)' },
      { row: 3, column: 'onDemandPerHour', message: '"$21.96" is not a number; write a plain number such as 55.04 (no currency sign or thousands separator)' },
      { row: 3, column: 'asOf', message: '"2026-13-01" is not a date as YYYY-MM-DD, e.g. 2026-09-20' },
      { row: 4, column: 'spotPerHour', message: 'must be below onDemandPerHour (29.39)' },
      { row: 5, column: 'committed3yPerHour', message: 'must not exceed committed1yPerHour (20)' },
      { row: 6, column: 'source', message: 'required; the cell is empty' },
      { row: 6, column: 'asOf', message: '2027-01-01 is in the future (today is 2026-11-23)' },
      { row: 7, column: '(column 12)', message: 'the row has 12 fields but the header names 11; quote fields that contain ","' },
    ]);
  });

  it('rejects zero prices and repeated instances', () => {
    const text = [
      'provider,region,instanceType,gpu,gpuCount,onDemandPerHour,source,asOf',
      'aws,us-east-1,g6.xlarge,L4,1,0,quote,2026-09-01',
      'aws,us-east-1,p5.48xlarge,H100,8,50,quote,2026-09-01',
      'AWS,US-EAST-1,P5.48XLARGE,H100,8,51,quote,2026-09-01',
    ].join('\n');
    expect(errorsOf(parseUserPriceCsv(text, 'dup.csv', { today }))).toEqual([
      { row: 2, column: 'onDemandPerHour', message: 'must be above 0 (got 0)' },
      { row: 4, column: 'instanceType', message: 'repeats aws/US-EAST-1/P5.48XLARGE from row 3' },
    ]);
  });

  it('explains header problems before reading any row', () => {
    const text = 'provider,region,instanceType,gpu,gpuCount,price,source,source\naws,us-east-1,x,H100,8,1,a,b';
    expect(errorsOf(parseUserPriceCsv(text, 'header.csv', { today }))).toEqual([
      { row: 1, column: 'price', message: 'unknown column; expected provider, region, instanceType, gpu, gpuCount, onDemandPerHour, spotPerHour, committed1yPerHour, committed3yPerHour, source, asOf, notes' },
      { row: 1, column: 'source', message: 'this column appears twice in the header' },
      { row: 1, column: 'onDemandPerHour', message: 'required column is missing from the header' },
      { row: 1, column: 'asOf', message: 'required column is missing from the header' },
    ]);
  });

  it('reports an empty file and an unclosed quote', () => {
    expect(errorsOf(parseUserPriceCsv(' \n\n', 'empty.csv'))).toEqual([
      { row: 1, column: '(header)', message: `empty.csv is empty; the first line must name the columns: ${USER_PRICE_CSV_HEADER}` },
    ]);
    const unclosed = `${USER_PRICE_CSV_HEADER}\naws,us-east-1,p5.48xlarge,H100,8,40,,,,"open quote,2026-09-01\n`;
    expect(errorsOf(parseUserPriceCsv(unclosed, 'q.csv', { today }))).toContainEqual({ row: 2, column: '(field 10)', message: 'a quoted field is never closed' });
  });
});

describe('mergeCatalog', () => {
  const csv = [
    USER_PRICE_CSV_HEADER,
    'AWS,us-east-1,p5.48xlarge,H100,8,40,,30,22,negotiated rate,2026-10-01',
    'example-cloud,eu-1,big-8,H100,8,16,,,,quote from sales,2026-09-30',
  ].join('\n');
  const userRows = rowsOf(parseUserPriceCsv(csv, 'ours.csv', { today }));

  it('overrides the bundled row with the same provider/region/instance in place and appends new rows', () => {
    const merged = mergeCatalog(instances, userRows);
    expect(merged).toHaveLength(instances.length + 1);
    const index = instances.findIndex((row) => row.instanceType === 'p5.48xlarge');
    expect(merged[index]).toMatchObject({ onDemandPerHour: 40, spotPerHour: null, source: 'negotiated rate', committedEstimated: false });
    expect(merged[merged.length - 1]).toMatchObject({ provider: 'example-cloud', onDemandPerGpuHour: 2 });
    expect(merged.filter((row) => row.instanceType === 'p5.48xlarge')).toHaveLength(1);
  });

  it('feeds the same resolver as the bundled catalog', () => {
    const catalog = createCatalog(mergeCatalog(instances, userRows));
    // $40 / 8 GPUs = $5 per GPU-hour; committed $30 and $22 per hour -> $3.75 and $2.75.
    expect(catalog.resolveGpuPrices('H100', { provider: 'aws', region: 'us-east-1' })).toMatchObject({ onDemand: 5, committed1y: 3.75, committed3y: 2.75, spot: null, source: 'negotiated rate' });
    expect(catalog.providers()).toContain('example-cloud');
    expect(catalog.resolveGpuPrices('H100', { provider: 'example-cloud' })?.onDemand).toBe(2);
    // The default still prefers the hyperscalers: AWS now at $5 per GPU-hour.
    expect(catalog.resolveGpuPrices('H100')).toMatchObject({ provider: 'aws', onDemand: 5 });
  });
});
