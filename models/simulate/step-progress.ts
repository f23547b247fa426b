/**
 * Progress of a long synchronous computation (the summary of a big run takes seconds), counted
 * in steps and reported as (done, total). A step that knows its own progress reports it as a
 * fraction, so callers need not know how a part counts its work.
 */

/** Called with the work done out of all work; `done` only grows and ends at `total`. */
export type ProgressListener = (done: number, total: number) => void;

/** Steps are reported in tenths, so a heavy step that reports its own progress moves the count too. */
export const TENTHS = 10;

export interface StepProgress {
  /** The current step is done (the part opened with `part`, else one step). */
  step(): void;
  /** Opens a step worth `steps` steps; the returned listener takes the step's own (done, total). `step()` closes it. */
  part(steps?: number): ProgressListener;
  /** Everything done (reports `total` if it was not reached). */
  finish(): void;
}

/**
 * Steps of a computation of `total` steps, reported to `listener` in tenths of a step
 * (`listener(done, total · 10)`) whenever another tenth is passed.
 */
export function stepProgress(total: number, listener?: ProgressListener): StepProgress {
  const steps = Math.max(1, Math.round(total));
  let position = 0;
  let reported = 0;
  let partEnd: number | null = null;
  const moveTo = (next: number) => {
    position = Math.min(steps, Math.max(position, next));
    const tenths = Math.floor(position * TENTHS + 1e-9);
    if (tenths > reported) {
      reported = tenths;
      listener?.(tenths, steps * TENTHS);
    }
  };
  return {
    step() {
      moveTo(partEnd ?? position + 1);
      partEnd = null;
    },
    part(size = 1) {
      const start = position;
      const end = start + size;
      partEnd = end;
      return (done, of) => moveTo(Math.min(end, start + (of > 0 ? Math.min(1, done / of) : 1) * size));
    },
    finish: () => moveTo(steps),
  };
}
