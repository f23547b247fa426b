/** JSON Pointer (RFC 6901) writes, for variants: `/drivers/price` → set that value in a copy. */

/** The pointer's keys, unescaped (`~1` → `/`, `~0` → `~`). */
export function pointerKeys(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer (it must start with /)`);
  return pointer
    .slice(1)
    .split('/')
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A deep copy of `document` with `value` set at `pointer`; the parent must exist. */
export function setAtPointer(document: unknown, pointer: string, value: unknown): unknown {
  const keys = pointerKeys(pointer);
  if (keys.length === 0) return jsonClone(value);
  const copy = jsonClone(document) as Record<string, unknown>;
  let parent: unknown = copy;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    const next = Array.isArray(parent) ? parent[Number(key)] : (parent as Record<string, unknown> | null)?.[key];
    if (next === null || typeof next !== 'object') {
      throw new Error(`${pointer}: there is nothing at /${keys.slice(0, i + 1).join('/')}`);
    }
    parent = next;
  }
  const last = keys[keys.length - 1]!;
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new Error(`${pointer}: index ${last} is outside the list`);
    parent[index] = jsonClone(value);
  } else {
    (parent as Record<string, unknown>)[last] = jsonClone(value);
  }
  return copy;
}

/** Deep copy of JSON data (scenario documents are JSON by construction). */
function jsonClone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** A deep copy of `document` without the value at `pointer` (an object key or a list item); unchanged when absent. */
export function removeAtPointer(document: unknown, pointer: string): unknown {
  const keys = pointerKeys(pointer);
  if (keys.length === 0) return undefined;
  const copy = jsonClone(document) as Record<string, unknown>;
  let parent: unknown = copy;
  for (const key of keys.slice(0, -1)) {
    const next = Array.isArray(parent) ? parent[Number(key)] : (parent as Record<string, unknown> | null)?.[key];
    if (next === null || typeof next !== 'object') return copy;
    parent = next;
  }
  const last = keys[keys.length - 1]!;
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (Number.isInteger(index) && index >= 0 && index < parent.length) parent.splice(index, 1);
  } else if (parent !== null && typeof parent === 'object') {
    delete (parent as Record<string, unknown>)[last];
  }
  return copy;
}

/** The value at `pointer`, or undefined. */
export function getAtPointer(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const key of pointerKeys(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(key)] : (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The pointer of a path of keys, escaped (`a/b` → `a~1b`). */
export function pointerOf(keys: readonly (string | number)[]): string {
  return keys.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A JSON object (not null, not a list): what scenario documents and their parts are checked with. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
