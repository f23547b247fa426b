/**
 * A problem found in a scenario, phrased for the person who has to fix it: where (a JSON
 * path, and a line:column when we know the text), what is wrong, and what to do.
 */
export interface ScenarioIssue {
  /** JSON path in dotted form, e.g. `workloads[2].requests`; empty for the whole file. */
  path: string;
  message: string;
  fix?: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  /** The path as keys, for locating it in the file's text. */
  pathKeys?: PropertyKey[];
}

/** Formats a path of keys and indexes as `drivers.users.p10` / `workloads[2].requests`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const text = String(key);
      out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text) ? (out ? `.${text}` : text) : `[${JSON.stringify(text)}]`;
    }
  }
  return out;
}

/** One line per issue: `file:line:col: path: message (fix)`. */
export function formatIssue(issue: ScenarioIssue, fileName?: string): string {
  const where = [fileName, issue.line !== undefined ? `${issue.line}:${issue.column ?? 1}` : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const path = issue.path ? `${issue.path}: ` : '';
  const fix = issue.fix ? ` — ${issue.fix}` : '';
  const level = issue.severity === 'warning' ? 'warning: ' : '';
  return `${where ? `${where}: ` : ''}${level}${path}${issue.message}${fix}`;
}

/** Edit distance counting a swap of two neighbours as one edit (typos like `tgas`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate to a misspelt name, when it is close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}
