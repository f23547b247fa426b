/**
 * A user's price file from the picker to the forecast: precise problems for a bad file, and for
 * a good one the store's rows reach the worker and change the prices in the next preview —
 * through the real store, controller, lane and worker logic (forecast-handler.ts, in-process).
 */
import { describe, expect, it } from 'vitest';
import type { ForecastResult } from '../../../models/simulate/result.ts';
import type { ScenarioDocument } from '../../document/document-text.ts';
import { documentText } from '../../document/document-text.ts';
import { startForecastController } from '../../forecast/forecast-controller.ts';
import { inProcessWorker, type InProcessWorker } from '../../forecast/in-process-worker.ts';
import { createAppStore, isDirty } from '../../store/app-store.ts';
import { describePriceError, readPriceFile } from './price-import.ts';

const HEADER = 'provider,region,instanceType,gpu,gpuCount,onDemandPerHour,spotPerHour,committed1yPerHour,committed3yPerHour,source,asOf';
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readPriceFile', () => {
  it('lists every problem with its row, column and reason', () => {
    const file = { name: 'prices.csv', bytes: bytes(`${HEADER}\naws,us-east-1,p5.48xlarge,H100,8,$40,,,,quote,2026-10-01\naws,us-east-1,x,H100,eight,10,,,,quote,2026-10-01\n`) };
    const read = readPriceFile(file, '2026-12-01');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map(describePriceError)).toEqual([
      'row 2, column onDemandPerHour: "$40" is not a number; write a plain number such as 55.04 (no currency sign or thousands separator)',
      'row 3, column gpuCount: "eight" is not a whole number of GPUs (1 or more)',
    ]);
  });

  it('refuses spreadsheets, binary files and a header without rows', () => {
    expect(readPriceFile({ name: 'prices.xlsx', bytes: bytes('PK') })).toMatchObject({ ok: false, errors: [{ column: '(file)' }] });
    expect(readPriceFile({ name: 'prices.csv', bytes: Uint8Array.from([0xff, 0xfe, 0x00, 0x41]) })).toMatchObject({ ok: false });
    expect(readPriceFile({ name: 'prices.csv', bytes: bytes(`${HEADER}\n`) })).toMatchObject({ ok: false, errors: [{ message: 'prices.csv has a header but no price rows' }] });
  });

  it('gives the rows with per-GPU-hour prices', () => {
    const read = readPriceFile({ name: 'prices.csv', bytes: bytes(`${HEADER}\naws,us-east-1,p5.48xlarge,H100,8,40.00,,30.00,22.00,quote,2026-10-01\n`) }, '2026-12-01');
    expect(read.ok && read.rows.map((r) => [r.provider, r.onDemandPerGpuHour, r.committed1yPerGpuHour])).toEqual([['aws', 5, 3.75]]);
  });
});

const document: ScenarioDocument = {
  format: 'costcast/scenario',
  version: 1,
  name: 'GPU test',
  currency: 'USD',
  start: '2027-01',
  months: 12,
  workloads: [{ id: 'train', type: 'training', gpu: 'H100', gpuHoursPerRun: 1000, runsPerMonth: 1 }],
  pricing: { provider: 'aws', region: 'us-east-1' },
  simulation: { trials: 500, seed: 1 },
};

const awsPrice = (result: ForecastResult) => result.pricing!.providers.find((p) => p.provider === 'aws')!.pricePerGpuHour!.H100;

describe('imported prices in the store', () => {
  it('move the revision on without an unsaved change, reach the worker, and change the next preview', async () => {
    const store = createAppStore();
    const workers: InProcessWorker[] = [];
    const controller = startForecastController(store, () => {
      const worker = inProcessWorker();
      workers.push(worker);
      return worker;
    });
    const lastForecastRequest = () => workers.flatMap((w) => w.requests).filter((r) => r.kind === 'forecast').at(-1);
    store.getState().openDocument({ key: 'k', file: { name: 'gpu.json', path: null }, savedText: documentText(document), document });
    const previewOf = async (revision: number) => {
      await expect.poll(() => store.getState().preview.status === 'done' && store.getState().preview.revision === revision, { timeout: 20_000 }).toBe(true);
      return store.getState().preview.result!;
    };
    const before = await previewOf(store.getState().document!.revision);
    expect(awsPrice(before)).toBe(6.88);

    const read = readPriceFile({ name: 'prices.csv', bytes: bytes(`${HEADER}\naws,us-east-1,p5.48xlarge,H100,8,40.00,,30.00,22.00,quote,2026-10-01\n`) }, '2026-12-01');
    if (!read.ok) throw new Error('the price file should be accepted');
    const revision = store.getState().document!.revision;
    store.getState().setUserPrices({ fileName: read.fileName, rows: read.rows });
    expect(store.getState().document!.revision).toBe(revision + 1);
    expect(isDirty(store.getState().document)).toBe(false);

    const after = await previewOf(revision + 1);
    expect(lastForecastRequest()).toMatchObject({ kind: 'forecast', userPrices: [{ provider: 'aws', onDemandPerHour: 40 }] });
    expect(awsPrice(after)).toBe(5);
    // 12 months × 1,000 GPU-hours on demand at 5 per GPU-hour.
    expect(after.total.p50).toBeCloseTo(60_000, 6);

    store.getState().setUserPrices(null);
    const removed = await previewOf(revision + 2);
    expect(lastForecastRequest()).not.toHaveProperty('userPrices');
    expect(removed.total.p50).toBeCloseTo(12_000 * 6.88, 6);
    controller.dispose();
  });
});
