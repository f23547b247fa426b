/**
 * Scenario files handed to the app from outside the window: the command line (first launch and a
 * second launch forwarded by the single-instance lock) and macOS `open-file`. They can arrive
 * before the page has loaded, so they wait in a queue until the renderer subscribes.
 */
import path from 'node:path';
import { SCENARIO_FILTER, hasExtension } from '../renderer/platform/file-kinds.ts';
import type { OpenedFile } from '../renderer/platform/platform.ts';

/**
 * The scenario paths in a command line, resolved against `workingDirectory`. Flags (Chromium adds
 * some to a second instance's argv), the executable and the app folder (`electron .`) are not
 * files to open, and neither is anything without a scenario extension.
 */
export function scenarioPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((argument) => !argument.startsWith('-') && hasExtension(argument, SCENARIO_FILTER))
    .map((argument) => path.resolve(workingDirectory, argument));
}

/** What the queue needs from the main process. */
export interface OpenFileQueueOptions {
  read(file: string): Promise<OpenedFile>;
  deliver(file: OpenedFile): void;
  /** A file could not be read: tell the user (there is no page call to reject). */
  report(message: string): void;
}

/** Requests to open files, held until the renderer is ready for them. */
export interface OpenFileQueue {
  request(file: string): void;
  /** The renderer subscribed to `onOpenFile` (it re-subscribes after a reload). */
  ready(): void;
  /** The page is reloading or gone: hold new requests until it subscribes again. */
  reset(): void;
}

/** A queue reading files with `options.read` and passing them to `options.deliver`. */
export function createOpenFileQueue(options: OpenFileQueueOptions): OpenFileQueue {
  let isReady = false;
  const waiting: string[] = [];
  const open = (file: string): void => {
    options.read(file).then(options.deliver, (error: unknown) => options.report(error instanceof Error ? error.message : String(error)));
  };
  return {
    request(file) {
      if (isReady) open(file);
      else waiting.push(file);
    },
    ready() {
      isReady = true;
      for (const file of waiting.splice(0)) open(file);
    },
    reset() {
      isReady = false;
    },
  };
}
