/** P10 / P50 / P90 / mean of the horizon total and of each workload, as the CLI prints them. */
import { formatMoney } from '../../../models/io/display-format.ts';
import type { Scenario } from '../../../models/scenario/schema.ts';
import type { ForecastResult, Stats } from '../../../models/simulate/result.ts';

const COLUMNS: readonly (keyof Stats)[] = ['p10', 'p50', 'p90', 'mean'];

export function StatsTable({ result, scenario }: { result: ForecastResult; scenario: Scenario | null }) {
  const names = new Map(scenario?.workloads.map((w) => [w.id, w.name ?? w.id]) ?? []);
  const row = (id: string, label: string, stats: Stats, total = false) => (
    <tr key={id} data-row={id} className={total ? 'total-row' : undefined}>
      <th scope="row">{label}</th>
      {COLUMNS.map((key) => (
        <td key={key} data-stat={key} data-value={stats[key]} className="num">
          {formatMoney(stats[key], result.currency)}
        </td>
      ))}
      <td className="num muted">{total || !result.total.mean ? '' : `${((stats.mean / result.total.mean) * 100).toFixed(1)} %`}</td>
    </tr>
  );
  return (
    <table className="data-table" data-testid="stats-table" aria-label="Forecast statistics over the horizon">
      <thead>
        <tr>
          <th scope="col">Over the horizon</th>
          <th scope="col" className="num">P10</th>
          <th scope="col" className="num">P50</th>
          <th scope="col" className="num">P90</th>
          <th scope="col" className="num">Mean</th>
          <th scope="col" className="num">Share of mean</th>
        </tr>
      </thead>
      <tbody>
        {row('total', 'Total', result.total, true)}
        {Object.entries(result.workloads).map(([id, workload]) => row(id, names.get(id) ?? id, workload.total))}
      </tbody>
    </table>
  );
}
