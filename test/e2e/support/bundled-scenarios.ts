/** The bundled scenario files, as the app lists them as templates. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function bundledScenarioFiles(): string[] {
  const dir = fileURLToPath(new URL('../../../scenarios', import.meta.url));
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'scenario.schema.json')
    .sort();
}
