/**
 * mathjs's rules for comparing and rounding plain numbers, reproduced so a compiled formula
 * gives the numbers mathjs's own evaluator gives (with its default configuration) — the
 * formula language is documented as mathjs syntax, and users check results against it.
 *
 * mathjs compares with a tolerance (`config.relTol` = 1e-12, `config.absTol` = 1e-15), so
 * `0.1 + 0.2 == 0.3` is true, and it snaps `round`, `ceil`, `floor` to the nearest integer
 * when the input is within that tolerance of it, so `ceil(0.1 * 3 * 10)` is 3, not 4.
 */

/** mathjs `config.relTol`: relative tolerance of comparisons (dimensionless). */
export const relativeTolerance = 1e-12;
/** mathjs `config.absTol`: absolute tolerance of comparisons near zero. */
export const absoluteTolerance = 1e-15;
/** Decimals `round` snaps to before rounding: the exponent of `relativeTolerance`. */
const snapDecimals = 12;

/** mathjs `nearlyEqual(a, b, relTol, absTol)`: equal within the tolerances; NaN equals nothing. */
export function nearlyEqual(a: number, b: number): boolean {
  if (a === b) return true;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  // NaN fails every comparison, and an infinite scale means an infinity unequal to the other value.
  return scale < Infinity && Math.abs(a - b) <= Math.max(relativeTolerance * scale, absoluteTolerance);
}

/**
 * mathjs `round(x)`: snap to 12 decimals when that is within tolerance, then round half away
 * from zero (`round(2.5)` = 3, `round(-2.5)` = −3, unlike `Math.round`).
 */
export function roundNumber(x: number): number {
  const magnitude = Math.abs(x);
  // Integers (every double ≥ 2^52 is one), infinities and NaN are their own rounding.
  if (!(magnitude < 4503599627370496) || magnitude === Math.floor(magnitude)) return x;
  const whole = Math.floor(magnitude);
  const fraction = magnitude - whole; // exact for doubles below 2^52
  // Only a fraction within a hair of .5 can be moved across it by the 12-decimal snap.
  if (Math.abs(fraction - 0.5) > 1e-9) return Math.sign(x) * (fraction < 0.5 ? whole : whole + 1);
  const snapped = roundDecimal(x, snapDecimals);
  return roundDecimal(nearlyEqual(x, snapped) ? snapped : x, 0);
}

/** mathjs `ceil(x)`: `Math.ceil`, unless x is within tolerance of the integer it rounds to. */
export function ceilNumber(x: number): number {
  const ceiling = Math.ceil(x);
  const rounded = roundNumber(x);
  if (ceiling === rounded) return ceiling;
  return nearlyEqual(x, rounded) && !nearlyEqual(x, ceiling) ? rounded : ceiling;
}

/** mathjs `floor(x)`: `Math.floor`, unless x is within tolerance of the integer it rounds to. */
export function floorNumber(x: number): number {
  const floored = Math.floor(x);
  const rounded = roundNumber(x);
  if (floored === rounded) return floored;
  return nearlyEqual(x, rounded) && !nearlyEqual(x, floored) ? rounded : floored;
}

/**
 * `x ^ y` over the reals: `Math.pow`, except NaN where mathjs would return a complex number
 * (a negative base with a non-integer exponent).
 */
export function powNumber(x: number, y: number): number {
  if (x < 0 && !Number.isInteger(y)) {
    // mathjs keeps these limits real; every other negative base with a fractional exponent is complex.
    if ((x * x < 1 && y === Infinity) || (x * x > 1 && y === -Infinity)) return 0;
    return NaN;
  }
  return Math.pow(x, y);
}

/**
 * Rounds the shortest decimal spelling of x (what `String(x)` prints) to `decimals` places,
 * half away from zero — mathjs's `toFixed`-based rounding, digit for digit.
 */
export function roundDecimal(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) return x;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = (whole + fraction).split('').map(Number);
  // Position of the decimal point within `digits`.
  let point = whole.length + Number(exponent);
  // Pad so both the point and the kept digits lie inside the digit list.
  while (point < 1) {
    digits.unshift(0);
    point++;
  }
  while (digits.length < point + decimals + 1) digits.push(0);
  const keep = point + decimals;
  const roundUp = (digits[keep] ?? 0) >= 5;
  const kept = digits.slice(0, keep);
  if (roundUp) {
    let k = kept.length - 1;
    while (k >= 0 && kept[k] === 9) {
      kept[k] = 0;
      k--;
    }
    if (k >= 0) kept[k] = (kept[k] ?? 0) + 1;
    else {
      kept.unshift(1);
      point++;
    }
  }
  const text = `${sign}${kept.slice(0, point).join('') || '0'}.${kept.slice(point).join('') || '0'}`;
  return parseFloat(text);
}
