import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { driverUsages, renameDriver, renameWorkloadId } from './rename-driver.ts';
import { parseFormula } from '../formula/parse.ts';
import { bundledReference } from '../pricing/reference.ts';
import { prepareForecast } from '../simulate/prepare.ts';
import { validateDocument } from './validate.ts';

const document = {
  format: 'costcast/scenario',
  version: 1,
  name: 'rename',
  currency: 'USD',
  start: '2027-01',
  months: 3,
  drivers: {
    users: { p10: 100, p90: 400 },
    requests: 'users * 30',
    'x-note': 'kept',
    rate: 'max(users, 1) / users_total',
    users_total: 1000,
  },
  correlations: [{ drivers: ['users', 'rate'], rank: 0.3 }],
  workloads: [
    { id: 'api', type: 'llm-api', requests: 'requests + users', inputTokens: 500, outputTokens: 200, price: { input: 'users / 100', output: 10 } },
    { id: 'exp', type: 'experiments', gpu: 'H100', stages: [{ name: 's1', runsPerMonth: 'users / 10', gpuHoursPerRun: 2 }] },
    { id: 'fee', type: 'fixed', name: 'users', monthly: 100, tags: { team: 'users' } },
  ],
  value: { monthly: 'users * 2' },
  units: { user: 'users', request: { count: 'requests', per: 1000 } },
  variants: [{ name: 'more users', set: { '/drivers/users': { p10: 200, p90: 800 }, '/workloads/0/requests': 'users * 2', '/drivers/requests': 'users * 40' } }],
};

describe('renameDriver', () => {
  it('renames the key, every formula, correlations and variant pointers, and nothing else', () => {
    const outcome = renameDriver(document, 'users', 'active_users');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const renamed = outcome.document as typeof document & { drivers: Record<string, unknown> };
    expect(Object.keys(renamed.drivers)).toEqual(['active_users', 'requests', 'x-note', 'rate', 'users_total']);
    expect(renamed.drivers.requests).toBe('active_users * 30');
    // A longer name that contains the old one and a function name stay as they are.
    expect(renamed.drivers.rate).toBe('max(active_users, 1) / users_total');
    expect(renamed.drivers['x-note']).toBe('kept');
    expect(renamed.correlations[0]!.drivers).toEqual(['active_users', 'rate']);
    expect(renamed.workloads[0]).toMatchObject({ requests: 'requests + active_users', price: { input: 'active_users / 100' } });
    expect(renamed.workloads[1]).toMatchObject({ stages: [{ runsPerMonth: 'active_users / 10' }] });
    // Names, ids and tags are not formulas.
    expect(renamed.workloads[2]).toMatchObject({ name: 'users', tags: { team: 'users' } });
    expect(renamed.value.monthly).toBe('active_users * 2');
    expect(renamed.units).toEqual({ user: 'active_users', request: { count: 'requests', per: 1000 } });
    expect(renamed.variants[0]!.set).toEqual({ '/drivers/active_users': { p10: 200, p90: 800 }, '/workloads/0/requests': 'active_users * 2', '/drivers/requests': 'active_users * 40' });
    // The input is not changed.
    expect(document.drivers.requests).toBe('users * 30');
  });

  it('refuses names that are taken, invalid or missing', () => {
    expect(renameDriver(document, 'users', 'requests')).toEqual({ ok: false, message: 'a driver named "requests" already exists' });
    expect(renameDriver(document, 'users', 'Users')).toMatchObject({ ok: false, message: expect.stringContaining('not a valid driver name') });
    expect(renameDriver(document, 'nobody', 'x')).toEqual({ ok: false, message: 'there is no driver "nobody"' });
  });

  it('keeps the bundled default scenario compiling after renaming each of its drivers', () => {
    const bundled = JSON.parse(readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8')) as { drivers: Record<string, unknown> };
    for (const name of Object.keys(bundled.drivers)) {
      const outcome = renameDriver(bundled, name, `${name}_renamed`);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      const validated = validateDocument(outcome.document);
      expect(validated.ok).toBe(true);
      // Compiling checks every formula's names: a missed reference would be an unknown name.
      if (validated.ok) expect(prepareForecast(validated.scenario, bundledReference, parseFormula).ok).toBe(true);
      if (outcome.ok) expect(driverUsages(outcome.document, name)).toEqual([]);
    }
  });
});

describe('driverUsages', () => {
  it('lists the formulas that use a driver as JSON pointers', () => {
    expect(driverUsages(document, 'requests')).toEqual(['/workloads/0/requests', '/units/request/count']);
  });
});

describe('renameWorkloadId', () => {
  it('renames the workload and the lists that name it', () => {
    const withLists = { ...document, pricing: { spot: { workloads: ['exp', 'api'] } }, units: { request: { count: 'requests', workloads: ['api'] } } };
    const outcome = renameWorkloadId(withLists, 'api', 'assistant');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const renamed = outcome.document as typeof withLists;
    expect(renamed.workloads.map((w) => w.id)).toEqual(['assistant', 'exp', 'fee']);
    expect(renamed.pricing.spot.workloads).toEqual(['exp', 'assistant']);
    expect(renamed.units.request.workloads).toEqual(['assistant']);
    expect(renameWorkloadId(withLists, 'api', 'exp')).toEqual({ ok: false, message: 'a workload with id "exp" already exists' });
    expect(renameWorkloadId(withLists, 'api', 'no spaces')).toMatchObject({ ok: false });
  });
});
