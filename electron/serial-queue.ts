/**
 * Runs async tasks one after another. The stores below read, change and rewrite one JSON file;
 * two overlapping IPC calls must not interleave those steps and lose an update.
 */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

/** A queue whose tasks run in call order; a failed task does not block the next. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
}
