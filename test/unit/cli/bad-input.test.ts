/**
 * Bad input to `costcast forecast` and `costcast validate`: every problem exits 1 with a message
 * on stderr that names the file and the JSON path (with line:column) or the driver, says what
 * was expected, and never shows a stack trace; wrong usage exits 2 with the usage text.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scenario, STACK_LINE, spawnCli, tempFolder } from './cli-harness.ts';

const folder = tempFolder('bad-input');
afterAll(() => folder.remove());

const valid = scenario({ drivers: { x: { p10: 1, p90: 4 } }, workloads: [{ id: 'w', type: 'formula', cost: 'x * 1000' }] });
const goodFile = folder.write('good.json', valid);
const withDrivers = (drivers: Record<string, unknown>, cost = 'x') => scenario({ drivers, workloads: [{ id: 'w', type: 'formula', cost }] });

/** Runs both commands on a file; each must exit 1 with the same messages, no stack, naming the file. */
async function rejected(name: string, content: unknown): Promise<string> {
  const file = folder.write(name, content);
  const validate = await runCli(['validate', file]);
  const forecast = await runCli(['forecast', file, '--json']);
  for (const run of [validate, forecast]) {
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).not.toMatch(STACK_LINE);
    expect(run.err).toContain(path.basename(file));
  }
  expect(forecast.err).toBe(validate.err);
  return validate.err;
}

describe('bad scenario files exit 1 with the file, the place and the fix', () => {
  it('a JSON syntax error names the file and line:column', async () => {
    const err = await rejected('syntax.json', '{\n  "format": "costcast/scenario",\n  "version": 1,\n  "name": "x",,\n}\n');
    // The doubled comma sits on line 4, column 15.
    expect(err).toMatch(/syntax\.json:4:15: invalid JSON/);
    expect(err).toMatch(/comma/);
  });

  it('schema errors name every JSON path with what was expected, all at once', async () => {
    const err = await rejected('schema.json', { ...valid, months: 0, drivers: { x: { p10: 'a', p90: 4 } }, workloads: [{ id: 'w', type: 'fixed', monthly: 'x', bogus: 1 }] });
    expect(err).toMatch(/schema\.json:\d+:\d+: months: must be at least 1/);
    expect(err).toMatch(/schema\.json:\d+:\d+: drivers\.x\.p10: expected number/);
    expect(err).toMatch(/schema\.json:\d+:\d+: workloads\[0\]\.bogus: unknown field `bogus`/);
    expect(err).toMatch(/3 problems in .*schema\.json/);
  });

  it('a formula syntax error names the driver and where the formula breaks', async () => {
    const err = await rejected('formula-syntax.json', withDrivers({ x: '2 * (3 +' }));
    expect(err).toMatch(/formula-syntax\.json:\d+:\d+: drivers\.x: formula error: .*Unexpected end of formula/);
  });

  it('an unknown name in a formula names the driver and suggests the closest name', async () => {
    const err = await rejected('unknown-name.json', withDrivers({ users: 10, x: 'userz * 2' }));
    expect(err).toMatch(/drivers\.x: unknown name `userz` in formula "userz \* 2"/);
    expect(err).toMatch(/did you mean `users`/);
  });

  it('a function that is not allowed is named with the ones that are', async () => {
    const err = await rejected('function.json', withDrivers({ x: 'sin(3)' }));
    expect(err).toMatch(/drivers\.x: formula error: `sin` is not an allowed function; allowed: min, max/);
  });

  it('a cycle names every driver in it and nothing else', async () => {
    const err = await rejected('cycle.json', withDrivers({ a: 'b + 1', b: 'c * 2', c: 'a - 3', d: 4 }, 'a + d'));
    const circle = /in a circle: ((?:\w+ → )+\w+)/.exec(err)?.[1];
    expect(circle).toBeDefined();
    const members = circle!.split(' → ');
    expect(members[0]).toBe(members.at(-1));
    expect(new Set(members)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('a formula error inside a workload names the workload field', async () => {
    const err = await rejected('workload-formula.json', scenario({ drivers: { x: 1 }, workloads: [{ id: 'w', type: 'formula', cost: 'x ** 2' }] }));
    expect(err).toMatch(/workloads\[0\]\.cost: formula error/);
  });

  it('a bad file is reported the same when worker threads were already starting', async () => {
    const file = folder.write('threads.json', withDrivers({ x: 'y * 2' }));
    const run = await runCli(['forecast', file, '--trials', '50000', '--workers', '2']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/threads\.json:\d+:\d+: drivers\.x: unknown name `y`/);
    expect(run.err).not.toMatch(STACK_LINE);
  });

  it('a missing file, a folder and a binary file are named and explained', async () => {
    const missing = await runCli(['forecast', path.join(folder.dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.json: no such file/);
    const dir = await runCli(['validate', folder.dir]);
    expect(dir.code).toBe(1);
    expect(dir.err).toMatch(/is a folder, not a scenario file/);
    const binary = await runCli(['validate', folder.write('binary.json', '{"a":\u0000}')]);
    expect(binary.code).toBe(1);
    expect(binary.err).toMatch(/not a text file/);
    for (const run of [missing, dir, binary]) expect(run.err).not.toMatch(STACK_LINE);
  });
});

describe('wrong usage exits 2 with the usage text', () => {
  it.each([
    [['forecast', goodFile, '--bogus'], /unknown option --bogus/],
    [['forecast', goodFile, '--trials', '12'], /--trials must be between 100 and 1000000, got 12/],
    [['forecast', goodFile, '--trials', 'many'], /--trials must be a whole number, got "many"/],
    [['forecast', goodFile, '--trials'], /--trials needs a value/],
    [['forecast', goodFile, '--sampling', 'sobol'], /--sampling must be lhs or random/],
    [['forecast', goodFile, '--workers', '0'], /--workers must be between 1 and 64/],
    [['forecast', goodFile, goodFile], /forecast takes one scenario file/],
    [['validate'], /validate takes exactly one scenario file/],
    [['simulate', goodFile], /unknown command "simulate"/],
    [[], /Usage:/],
  ])('costcast %j', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.err + run.out).toMatch(message);
    expect(run.err + run.out).toMatch(/costcast forecast \[scenario\.json\]/);
    expect(run.err).not.toMatch(STACK_LINE);
  });

  it('help prints the usage and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/costcast validate <scenario\.json>/);
  });
});

describe('the installed bin', () => {
  it('exits 1 on a bad file and 2 on wrong usage, with messages and no stack trace, from another folder', async () => {
    const bad = folder.write('bin-bad.json', withDrivers({ x: 'y + 1' }));
    const badRun = await spawnCli(['validate', bad], folder.dir);
    expect(badRun.code).toBe(1);
    expect(badRun.err).toMatch(/bin-bad\.json:\d+:\d+: drivers\.x: unknown name `y`/);
    expect(badRun.err).not.toMatch(STACK_LINE);
    const usage = await spawnCli(['forecast', '--trials', 'x'], folder.dir);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/--trials must be a whole number/);
    const good = await spawnCli(['validate', 'good.json'], folder.dir);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/good\.json: valid — "CLI test", 1 drivers, 1 workloads \(formula\), 12 months from 2027-01/);
  });
});
