import { describe, expect, it } from 'vitest';
import { createStream, createStreamFromState } from './prng.ts';

function uniforms(seed: number, keys: (number | string)[], n: number): Float64Array {
  const out = new Float64Array(n);
  createStream(seed, ...keys).fillUniform(out);
  return out;
}

describe('xoshiro128**', () => {
  it('reproduces the reference sequence from state (1, 2, 3, 4)', () => {
    // Worked by hand from the definition: result = rotl(s1·5, 7)·9, then the xor/shift update.
    const stream = createStreamFromState(1, 2, 3, 4);
    expect([stream.nextUint32(), stream.nextUint32(), stream.nextUint32(), stream.nextUint32()]).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('gives the same values one at a time as in bulk', () => {
    const bulk = uniforms(7, [3, 'cpu'], 1000);
    const single = createStream(7, 3, 'cpu');
    for (let i = 0; i < 1000; i++) expect(single.nextUniform()).toBe(bulk[i]);
    const afterBulk = createStream(7, 3, 'cpu');
    afterBulk.fillUniform(new Float64Array(1000));
    const afterSingle = createStream(7, 3, 'cpu');
    for (let i = 0; i < 1000; i++) afterSingle.nextUniform();
    expect(afterBulk.nextUint32()).toBe(afterSingle.nextUint32());
  });
});

describe('createStream keys', () => {
  it('gives the same sequence for the same keys', () => {
    expect(uniforms(42, [0, 'requests'], 10_000)).toEqual(uniforms(42, [0, 'requests'], 10_000));
  });

  it('gives a different sequence for a different seed, chunk or driver', () => {
    const base = uniforms(42, [0, 'requests'], 100);
    for (const other of [uniforms(43, [0, 'requests'], 100), uniforms(42, [1, 'requests'], 100), uniforms(42, [0, 'request'], 100)]) {
      let equal = 0;
      for (let i = 0; i < 100; i++) if (other[i] === base[i]) equal++;
      expect(equal).toBe(0); // each coincidence has probability 2⁻³²
    }
  });

  it('encodes keys injectively: ("ab") ≠ ("a", "b"), 12 ≠ "12", but 0 and −0 are one key', () => {
    const first = (seed: number, ...keys: (number | string)[]) => createStream(seed, ...keys).nextUint32();
    const firsts = [first(1, 'ab'), first(1, 'a', 'b'), first(1, 12), first(1, '12'), first(1), first(1, ''), first(1, 'a\u0000')];
    expect(new Set(firsts).size).toBe(firsts.length);
    expect(first(1, 0)).toBe(first(1, -0));
    expect(() => createStream(Number.NaN)).toThrow(RangeError);
    expect(() => createStream(1, Infinity)).toThrow(RangeError);
  });

  it('has no collisions among 20,000 (chunk, driver) streams (64 bits of each start compared)', () => {
    const names = Array.from({ length: 20 }, (_, i) => `driver_${i}`);
    const seen = new Set<string>();
    for (let chunk = 0; chunk < 1000; chunk++) {
      for (const name of names) {
        const stream = createStream(1, chunk, name);
        seen.add(`${stream.nextUint32()}:${stream.nextUint32()}`);
      }
    }
    expect(seen.size).toBe(20_000);
  });

  it('does not depend on how many values other streams drew', () => {
    const alone = uniforms(5, [2, 'users'], 50);
    const interleaved = createStream(5, 2, 'users');
    const other = createStream(5, 2, 'price');
    const sink = new Float64Array(100_000);
    const values: number[] = [];
    for (let i = 0; i < 50; i++) {
      other.fillUniform(sink, (i * 997) % 5000);
      createStream(5, 3, 'users').fillUniform(sink); // a brand-new stream meanwhile changes nothing either
      values.push(interleaved.nextUniform());
    }
    expect(Float64Array.from(values)).toEqual(alone);
  });

  it('makes neighbouring chunks uncorrelated: |r| < 4/√n', () => {
    const n = 100_000;
    const a = uniforms(1, [0, 'x'], n);
    const b = uniforms(1, [1, 'x'], n);
    let sab = 0;
    for (let i = 0; i < n; i++) sab += ((a[i] as number) - 0.5) * ((b[i] as number) - 0.5);
    const r = sab / n / (1 / 12); // Pearson with the known mean 1/2 and variance 1/12
    expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(n));
  });
});

describe('uniforms', () => {
  const n = 1_000_000;
  const u = uniforms(2027, [0, 'moments'], n);

  it('lie strictly inside (0, 1) on the grid (k + ½)/2³²', () => {
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const x = u[i] as number;
      min = Math.min(min, x);
      max = Math.max(max, x);
      const k = x * 2 ** 32 - 0.5;
      if (k !== Math.floor(k)) throw new Error(`off-grid value ${x}`);
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
  });

  it('have mean 1/2 and variance 1/12 within 4 standard errors', () => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += u[i] as number;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += ((u[i] as number) - mean) ** 2;
    const variance = squares / (n - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n)); // SE of the mean: √(1/12/n)
    // SE of the sample variance: √((μ₄ − σ⁴)/n) with μ₄ = 1/80, σ⁴ = 1/144, so √(1/180/n)
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
  });

  it('pass a Kolmogorov–Smirnov test at the 1 % level (D·√n < 1.628)', () => {
    const sample = u.slice(0, 100_000).sort();
    const m = sample.length;
    let d = 0;
    for (let i = 0; i < m; i++) {
      const x = sample[i] as number;
      d = Math.max(d, (i + 1) / m - x, x - i / m);
    }
    expect(d * Math.sqrt(m)).toBeLessThan(1.628);
  });

  it('fill equal-width bins evenly: χ² over 100 bins below the 0.1 % critical value 148.2 (99 df)', () => {
    const bins = new Float64Array(100);
    for (let i = 0; i < n; i++) bins[Math.floor((u[i] as number) * 100)]! += 1;
    const expected = n / 100;
    let chi2 = 0;
    for (const count of bins) chi2 += (count - expected) ** 2 / expected;
    expect(chi2).toBeLessThan(148.2);
  });
});

describe('nextInt', () => {
  it('is uniform on [0, 7): χ² below the 0.1 % critical value 22.46 (6 df)', () => {
    const stream = createStream(9, 'ints');
    const counts = new Array<number>(7).fill(0);
    const draws = 70_000;
    for (let i = 0; i < draws; i++) {
      const k = stream.nextInt(7);
      counts[k] = (counts[k] as number) + 1;
    }
    const chi2 = counts.reduce((sum, c) => sum + (c - draws / 7) ** 2 / (draws / 7), 0);
    expect(chi2).toBeLessThan(22.46);
  });

  it('covers large bounds (the modulo path above 2²¹) with mean (bound − 1)/2 within 4 SE', () => {
    const stream = createStream(9, 'big ints');
    const bound = 3_000_000_000;
    const draws = 100_000;
    let sum = 0;
    for (let i = 0; i < draws; i++) {
      const k = stream.nextInt(bound);
      if (!(k >= 0 && k < bound && Number.isInteger(k))) throw new Error(`out of range: ${k}`);
      sum += k;
    }
    const sd = bound / Math.sqrt(12);
    expect(Math.abs(sum / draws - (bound - 1) / 2)).toBeLessThan((4 * sd) / Math.sqrt(draws));
  });

  it('rejects bounds that are not integers in [1, 2³²]', () => {
    const stream = createStream(1);
    expect(() => stream.nextInt(0)).toThrow(RangeError);
    expect(() => stream.nextInt(2.5)).toThrow(RangeError);
    expect(() => stream.nextInt(2 ** 33)).toThrow(RangeError);
    expect(stream.nextInt(1)).toBe(0);
  });
});

describe('normals', () => {
  it('have mean 0 and variance 1 within 4 standard errors, and match nextNormal', () => {
    const n = 1_000_000;
    const z = new Float64Array(n);
    createStream(3, 'normals').fillNormal(z);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      sum += z[i] as number;
      squares += (z[i] as number) ** 2;
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n)); // SE 1/√n
    expect(Math.abs(squares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n)); // SE of the mean of z²: √(2/n)
    const single = createStream(3, 'normals');
    for (let i = 0; i < 100; i++) expect(single.nextNormal()).toBe(z[i]);
  });
});
