/**
 * The scenarios a new document can start from: every bundled scenario in scenarios/ (built
 * into the app, so no file access is needed) and a blank one.
 */
import type { ScenarioDocument } from './document-text.ts';

export interface Template {
  /** The bundled file name, e.g. `default.json`; `blank` for the empty scenario. */
  id: string;
  name: string;
  description: string;
  document: ScenarioDocument;
}

const bundled = import.meta.glob<ScenarioDocument>(['../../scenarios/*.json', '!../../scenarios/scenario.schema.json'], { eager: true, import: 'default' });

function nextMonth(today = new Date()): string {
  const month = today.getUTCMonth() + 1; // next month, 0-based + 1
  const year = today.getUTCFullYear() + (month === 12 ? 1 : 0);
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** A valid, minimal scenario: one driver and one workload, starting next month. */
export function blankDocument(today = new Date()): ScenarioDocument {
  return {
    format: 'costcast/scenario',
    version: 1,
    name: 'Untitled scenario',
    currency: 'USD',
    start: nextMonth(today),
    months: 12,
    drivers: { monthly_requests: { p10: 100000, p90: 400000 } },
    workloads: [
      {
        id: 'assistant',
        name: 'Assistant (API)',
        type: 'llm-api',
        model: 'gpt-4o-mini',
        requests: 'monthly_requests',
        inputTokens: 1500,
        outputTokens: 400,
      },
    ],
    simulation: { trials: 10000, seed: 1, sampling: 'lhs' },
  };
}

const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Bundled templates, the default example first, then by name; the blank scenario last. */
export const templates: readonly Template[] = [
  ...Object.entries(bundled)
    .map(([path, document]) => ({
      id: fileName(path),
      name: typeof document.name === 'string' ? document.name : fileName(path),
      description: typeof document.description === 'string' ? document.description : '',
      document,
    }))
    .sort((a, b) => (a.id === 'default.json' ? -1 : b.id === 'default.json' ? 1 : a.name.localeCompare(b.name))),
  { id: 'blank', name: 'Blank scenario', description: 'One uncertain driver and one API workload, to build on.', document: blankDocument() },
];
