import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByDependencies } from './graph.ts';

const graph = (entries: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(entries));

function orderOf(entries: Record<string, string[]>): string[] {
  const result = orderByDependencies(graph(entries));
  if (!('order' in result)) throw new Error(`unexpected cycles: ${JSON.stringify(result.cycles)}`);
  return result.order;
}

function cyclesOf(entries: Record<string, string[]>): string[][] {
  const result = orderByDependencies(graph(entries));
  if (!('cycles' in result)) throw new Error(`expected cycles, got order ${result.order.join(', ')}`);
  return result.cycles;
}

describe('orderByDependencies: order', () => {
  it('puts dependencies first', () => {
    expect(orderOf({ cost: ['requests', 'price'], requests: ['users'], users: [], price: [] })).toEqual(['users', 'requests', 'price', 'cost']);
  });

  it('breaks ties by insertion order, so the same map always gives the same order', () => {
    expect(orderOf({ c: [], b: [], a: [] })).toEqual(['c', 'b', 'a']);
    // `z` becomes ready once `y` is done, and then goes before the later-inserted `w`.
    expect(orderOf({ z: ['y'], y: [], w: [] })).toEqual(['y', 'z', 'w']);
    expect(orderOf({ d: ['a'], c: [], b: ['c'], a: [] })).toEqual(['c', 'b', 'a', 'd']);
  });

  it('ignores names that are not in the map and repeated references', () => {
    expect(orderOf({ a: ['month', 'unknown', 'b', 'b'], b: ['month'] })).toEqual(['b', 'a']);
  });

  it('handles an empty map and long chains without running out of stack', () => {
    expect(orderOf({})).toEqual([]);
    const chain: Record<string, string[]> = {};
    for (let k = 0; k < 20000; k++) chain[`d${k}`] = k + 1 < 20000 ? [`d${k + 1}`] : [];
    const order = orderOf(chain);
    expect(order[0]).toBe('d19999');
    expect(order.at(-1)).toBe('d0');
  });

  it('always returns every name once, each after everything it depends on (random acyclic graphs)', () => {
    const acyclic = fc.integer({ min: 1, max: 30 }).chain((size) =>
      fc.tuple(
        fc.shuffledSubarray(Array.from({ length: size }, (_, k) => `n${k}`), { minLength: size }),
        fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 60 }),
      ),
    );
    fc.assert(
      fc.property(acyclic, ([insertion, edges]) => {
        // Only edges from a higher to a lower index: no cycles possible.
        const deps = new Map(insertion.map((name) => [name, [] as string[]]));
        for (const [x, y] of edges) if (x > y) deps.get(`n${x}`)!.push(`n${y}`);
        const result = orderByDependencies(deps);
        if (!('order' in result)) return false;
        const position = new Map(result.order.map((name, k) => [name, k]));
        return result.order.length === insertion.length && [...deps].every(([name, list]) => list.every((dep) => position.get(dep)! < position.get(name)!));
      }),
      { seed: 1701, numRuns: 300 },
    );
  });
});

describe('orderByDependencies: cycles', () => {
  it('reports a self-reference as a cycle of one', () => {
    expect(cyclesOf({ a: ['a'], b: [] })).toEqual([['a']]);
  });

  it('names every member, in circle order from the earliest-inserted one', () => {
    expect(cyclesOf({ x: [], a: ['b'], b: ['c'], c: ['a'] })).toEqual([['a', 'b', 'c']]);
    expect(cyclesOf({ c: ['a'], a: ['b'], b: ['c'] })).toEqual([['c', 'a', 'b']]);
  });

  it('reports every separate cycle, and not the names that merely depend on one', () => {
    const cycles = cyclesOf({
      total: ['p', 'q'], // depends on both cycles but is in neither
      p: ['q'],
      q: ['p'],
      r: ['s', 'total'],
      s: ['r'],
      t: ['t'],
      u: [],
    });
    expect(cycles).toEqual([
      ['p', 'q'],
      ['r', 's'],
      ['t'],
    ]);
  });

  it('reports tangled cycles as one group with all members', () => {
    const cycles = cyclesOf({ a: ['b', 'c'], b: ['a'], c: ['d'], d: ['a'], e: ['a'] });
    expect(cycles).toHaveLength(1);
    expect([...cycles[0]!].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(cycles[0]![0]).toBe('a');
  });
});
