/**
 * The browser build's only persistent storage: one IndexedDB database holding copies of recently
 * opened scenarios and the autosaves. Kept minimal on purpose: it is exercised end to end in
 * Chromium (test/e2e/web-platform.spec.ts) because Node has no IndexedDB.
 */
import type { AutosaveEntry, RecentFile } from './platform.ts';

/** A recent file plus the text the browser keeps, since it cannot reopen a path. */
export interface StoredRecentFile extends RecentFile {
  text: string;
}

const DATABASE_NAME = 'costcast';
const DATABASE_VERSION = 1;
const RECENT_STORE = 'recent-files';
const AUTOSAVE_STORE = 'autosaves';

interface StoreRecords {
  [RECENT_STORE]: StoredRecentFile;
  [AUTOSAVE_STORE]: AutosaveEntry;
}
type StoreName = keyof StoreRecords;

/** Opens (and on first use creates) the database. */
function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DATABASE_NAME, DATABASE_VERSION);
    request.onupgradeneeded = () => {
      const database = request.result;
      if (!database.objectStoreNames.contains(RECENT_STORE)) database.createObjectStore(RECENT_STORE, { keyPath: 'path' });
      if (!database.objectStoreNames.contains(AUTOSAVE_STORE)) database.createObjectStore(AUTOSAVE_STORE, { keyPath: 'documentKey' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(`The browser refused its storage to Costcast: ${request.error?.message ?? 'unknown error'}`));
    request.onblocked = () => reject(new Error('Costcast storage is busy in another tab; close the other Costcast tabs and try again.'));
  });
}

/** Typed get/put/delete over the two stores; each call is its own transaction. */
export interface WebStorage {
  getAll<S extends StoreName>(store: S): Promise<StoreRecords[S][]>;
  get<S extends StoreName>(store: S, key: string): Promise<StoreRecords[S] | undefined>;
  put<S extends StoreName>(store: S, record: StoreRecords[S]): Promise<void>;
  delete(store: StoreName, keys: readonly string[]): Promise<void>;
}

/** Storage backed by `factory` (the page's `indexedDB`); the database opens on first use. */
export function createWebStorage(factory: IDBFactory): WebStorage {
  let database: Promise<IDBDatabase> | null = null;
  const run = async <T>(store: StoreName, mode: IDBTransactionMode, work: (objects: IDBObjectStore) => IDBRequest | null): Promise<T> => {
    database ??= openDatabase(factory);
    const transaction = (await database).transaction(store, mode);
    const request = work(transaction.objectStore(store));
    return new Promise<T>((resolve, reject) => {
      transaction.oncomplete = () => resolve(request?.result as T);
      transaction.onerror = () => reject(new Error(`Costcast could not use the browser's storage: ${transaction.error?.message ?? 'unknown error'}`));
      transaction.onabort = transaction.onerror;
    });
  };
  return {
    getAll: (store) => run(store, 'readonly', (objects) => objects.getAll()),
    get: (store, key) => run(store, 'readonly', (objects) => objects.get(key)),
    put: (store, record) => run(store, 'readwrite', (objects) => objects.put(record)).then(() => undefined),
    delete: (store, keys) =>
      run(store, 'readwrite', (objects) => {
        for (const key of keys) objects.delete(key);
        return null;
      }),
  };
}

export { AUTOSAVE_STORE, RECENT_STORE };
