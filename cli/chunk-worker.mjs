// Entry of a worker thread: TypeScript through tsx, then the chunk runner.
import { register } from 'tsx/esm/api';

register();
await import('./chunk-worker.ts');
