/**
 * Labels from files ("Amazon Bedrock", "AI and Machine Learning", "team=search") → names a
 * scenario accepts for `history` series and drivers: `[a-z_][a-z0-9_]*`.
 */

/** Longest name produced; longer labels are cut at a word boundary where possible. */
const MAX_LENGTH = 64;

/** A valid series identifier for a label: lower case, words joined by "_", no leading digit; "series" if nothing is left. */
export function toSeriesName(label: string): string {
  // Product names keep their camel case together ("OpenAI" → openai, "BigQuery" → bigquery).
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let name = words.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (name === '') return 'series';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (name.length > MAX_LENGTH) {
    const cut = name.slice(0, MAX_LENGTH);
    const boundary = cut.lastIndexOf('_');
    name = boundary > MAX_LENGTH / 2 ? cut.slice(0, boundary) : cut;
  }
  return name;
}

/** `name`, or `name_2`, `name_3`… — the first not in `used`; the result is added to `used`. */
export function uniqueSeriesName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let k = 2; used.has(candidate); k++) candidate = `${name}_${k}`;
  used.add(candidate);
  return candidate;
}
