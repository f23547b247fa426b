import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EXPORT_BYTES, invokePayloads, payloadSchemas, sendPayloads } from './ipc-contract.ts';

describe('IPC contract', () => {
  it('has no channel the preload leaves unused', () => {
    // The preload imports 'electron' and cannot run here, so read its text.
    const preload = readFileSync(path.join(import.meta.dirname, 'preload.ts'), 'utf8');
    for (const channel of [...Object.keys(invokePayloads), ...Object.keys(sendPayloads)]) expect(preload, channel).toContain(`'${channel}'`);
  });

  it('refuses an export over the size limit without copying it', () => {
    // A view claiming to be huge is enough: the refinement only reads byteLength.
    const huge = new Uint8Array(new ArrayBuffer(8), 0, 8);
    Object.defineProperty(huge, 'byteLength', { value: MAX_EXPORT_BYTES + 1 });
    const result = payloadSchemas['file:export'].safeParse({ suggestedName: 'x', bytes: huge, kind: 'png' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('the export is larger than 256 MiB');
  });

  it('accepts the payloads the preload builds from Platform arguments', () => {
    expect(payloadSchemas['scenario:save'].safeParse({ path: '/a.json', suggestedName: 'a', text: '{}' }).success).toBe(true);
    expect(payloadSchemas['scenario:save'].safeParse({ path: null, suggestedName: 'a', text: '{}' }).success).toBe(true);
    expect(payloadSchemas['document:state'].safeParse({ title: '', dirty: false }).success).toBe(true);
    expect(payloadSchemas['scenario:open'].safeParse(undefined).success).toBe(true);
  });
});
