/**
 * The summary's progress: steps in tenths, parts that report their own fractions, and a summary
 * of a real run that reports often, only forward, ends at its total and changes no number.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledReference } from '../pricing/reference.ts';
import { validateScenarioText } from '../scenario/validate.ts';
import { simulate, summarizeSimulation } from './run.ts';
import { stepProgress, TENTHS } from './step-progress.ts';

describe('stepProgress', () => {
  it('reports each tenth of a step passed, parts as fractions of their steps, and ends at the total', () => {
    const heard: [number, number][] = [];
    const progress = stepProgress(4, (done, total) => heard.push([done, total]));
    progress.step();
    const part = progress.part(2);
    part(1, 4); // a quarter of a two-step part: half a step
    part(1, 4); // the same again: nothing new
    part(3, 4);
    progress.step(); // closes the part at its end
    progress.finish();
    expect(heard).toEqual([
      [10, 40],
      [15, 40],
      [25, 40],
      [30, 40],
      [40, 40],
    ]);
    expect(TENTHS).toBe(10);
  });

  it('never goes back or past the total, whatever a part reports', () => {
    const heard: number[] = [];
    const progress = stepProgress(2, (done) => heard.push(done));
    const part = progress.part(1);
    part(5, 4); // more than done
    part(1, 4); // backwards
    progress.step();
    progress.step();
    progress.step(); // one step too many
    progress.finish();
    expect(heard).toEqual([10, 20]);
  });
});

describe('summary progress of a real run', () => {
  it('moves forward in many small steps to its total and leaves the result unchanged', async () => {
    const text = readFileSync(new URL('../../test/bench/reference-scenario.json', import.meta.url), 'utf8');
    const validated = validateScenarioText(text);
    if (!validated.ok) throw new Error('the reference scenario must be valid');
    const simulation = await simulate(validated.scenario, { reference: bundledReference, trials: 2000, seed: 3 });
    const heard: [number, number][] = [];
    const withProgress = summarizeSimulation(simulation, bundledReference, (done, total) => heard.push([done, total]));
    const without = summarizeSimulation(simulation, bundledReference);
    expect(withProgress).toEqual(without);

    const total = heard[0]![1];
    expect(heard.every(([, of]) => of === total)).toBe(true);
    expect(heard.at(-1)![0]).toBe(total);
    const done = heard.map(([d]) => d);
    expect(done).toEqual([...new Set(done)].sort((a, b) => a - b));
    // 8 workloads, 20 drivers, 2 GPU types, chargeback groups: the heavy parts each report many times.
    expect(heard.length).toBeGreaterThan(100);
    // No single report jumps over more than a twentieth of the summary.
    const jumps = done.map((d, i) => d - (i ? done[i - 1]! : 0));
    expect(Math.max(...jumps)).toBeLessThan(total / 20);
  });
});
