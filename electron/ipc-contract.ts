/**
 * The IPC contract between the preload and the main process: every channel, the zod schema of
 * its payload (checked in main before anything runs) and the type of its result. The preload
 * (preload.ts) and the handlers (ipc-handlers.ts) are both typed from this one map, so a channel
 * cannot be renamed or reshaped on one side only.
 */
import { z } from '../models/scenario/schema-library.ts';
import { MAX_SCENARIO_BYTES } from '../renderer/platform/file-kinds.ts';
import type { AutosaveEntry, MenuCommand, OpenedFile, RecentFile, SavedFile } from '../renderer/platform/platform.ts';
import { autosaveEntrySchema } from './autosave-store.ts';

/** Largest export the main process accepts, in bytes. */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

const filePath = z.string().min(1, 'the path is empty').max(4096);
const suggestedName = z.string().max(255);
const scenarioText = z.string().max(MAX_SCENARIO_BYTES, 'the scenario is larger than 32 MiB');
const noPayload = z.undefined({ error: 'this request takes no arguments' });

/** Payload schemas of the request/response channels (`ipcRenderer.invoke` → `ipcMain.handle`). */
export const invokePayloads = {
  'scenario:open': noPayload,
  'scenario:open-recent': filePath,
  'recent:list': noPayload,
  'scenario:save': z.strictObject({ path: filePath.nullable(), suggestedName, text: scenarioText }),
  'scenario:save-as': z.strictObject({ suggestedName, text: scenarioText }),
  'file:export': z.strictObject({
    suggestedName,
    bytes: z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'bytes must be a Uint8Array' })
      .refine((bytes) => bytes.byteLength <= MAX_EXPORT_BYTES, 'the export is larger than 256 MiB'),
    kind: z.enum(['xlsx', 'png', 'csv']),
  }),
  'data:open': noPayload,
  'autosave:write': autosaveEntrySchema,
  'autosave:list': noPayload,
  'autosave:clear': z.string().min(1).max(4096),
} satisfies Record<keyof InvokeResults, z.ZodType>;

/** Result types of the request/response channels. */
export interface InvokeResults {
  'scenario:open': OpenedFile | null;
  'scenario:open-recent': OpenedFile;
  'recent:list': RecentFile[];
  'scenario:save': SavedFile | null;
  'scenario:save-as': SavedFile | null;
  'file:export': boolean;
  'data:open': { name: string; bytes: Uint8Array } | null;
  'autosave:write': null;
  'autosave:list': AutosaveEntry[];
  'autosave:clear': null;
}

/** Payload schemas of the one-way channels (`ipcRenderer.send` → `ipcMain.on`). */
export const sendPayloads = {
  'document:state': z.strictObject({ title: z.string().max(1024), dirty: z.boolean() }),
  /** The page subscribed to `onOpenFile`: deliver files queued before it loaded. */
  'open-file:ready': noPayload,
};

/** Messages from main to the page (`webContents.send` → `ipcRenderer.on`). */
export interface RendererEvents {
  'menu:command': MenuCommand;
  'open-file': OpenedFile;
}

export type InvokeChannel = keyof InvokeResults;
export type SendChannel = keyof typeof sendPayloads;
export type RendererEventChannel = keyof RendererEvents;
export type IpcChannel = InvokeChannel | SendChannel;

/** What the page passes on a channel. */
export type IpcPayload<C extends IpcChannel> = C extends InvokeChannel
  ? z.input<(typeof invokePayloads)[C]>
  : C extends SendChannel
    ? z.input<(typeof sendPayloads)[C]>
    : never;

/** What main receives after validation. */
export type ValidPayload<C extends IpcChannel> = C extends InvokeChannel
  ? z.output<(typeof invokePayloads)[C]>
  : C extends SendChannel
    ? z.output<(typeof sendPayloads)[C]>
    : never;

/**
 * Every reply crossing back: errors travel as data with a readable message, because an Error
 * thrown in a handler reaches the page wrapped in "Error invoking remote method …".
 */
export type IpcResponse<T> = { ok: true; value: T } | { ok: false; error: string };

/** The payload schema of every channel, for the validation that runs before each handler. */
export const payloadSchemas: Record<IpcChannel, z.ZodType> = { ...invokePayloads, ...sendPayloads };
