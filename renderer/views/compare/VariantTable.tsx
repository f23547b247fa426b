/** Baseline and variants side by side: P10/P50/P90 of the horizon total, the deltas and P(cheaper), from the engine's result. */
import { formatMoney, formatPercent } from '../../../models/io/display-format.ts';
import type { ForecastResult, VariantResult } from '../../../models/simulate/result.ts';

/** Money with its sign: "+$1,200", "-$800", "$0". */
export function signedMoney(value: number, currency: string): string {
  return `${value > 0 ? '+' : ''}${formatMoney(value, currency)}`;
}

const tone = (delta: number) => (delta < 0 ? 'delta-cheaper' : delta > 0 ? 'delta-dearer' : undefined);

export function VariantTable({ result, names }: { result: ForecastResult; names: readonly string[] }) {
  const { currency } = result;
  const byName = new Map((result.variants ?? []).map((v) => [v.name, v]));
  const money = (value: number) => formatMoney(value, currency);
  const row = (name: string, v: VariantResult | undefined) => {
    if (!v) {
      return (
        <tr key={name} data-variant={name} data-pending="true">
          <th scope="row">{name}</th>
          <td colSpan={7} className="muted">
            not in this result yet — waiting for the preview
          </td>
        </tr>
      );
    }
    return (
      <tr key={name} data-variant={name}>
        <th scope="row">{name}</th>
        <td className="num" data-col="p10">{money(v.total.p10)}</td>
        <td className="num" data-col="p50">{money(v.total.p50)}</td>
        <td className="num" data-col="p90">{money(v.total.p90)}</td>
        <td className={`num ${tone(v.deltaP50) ?? ''}`} data-col="delta-p50">{signedMoney(v.deltaP50, currency)}</td>
        <td className={`num ${tone(v.deltaP90) ?? ''}`} data-col="delta-p90">{signedMoney(v.deltaP90, currency)}</td>
        <td className="num" data-col="delta-mean">
          {v.deltaMean !== undefined ? signedMoney(v.deltaMean, currency) : 'n/a'}
          {v.deltaStdError !== undefined ? <span className="muted"> ± {money(v.deltaStdError)}</span> : null}
        </td>
        <td className="num" data-col="p-cheaper">{v.probabilityCheaper !== undefined ? formatPercent(v.probabilityCheaper) : 'n/a'}</td>
      </tr>
    );
  };
  return (
    <table className="data-table variant-table" data-testid="variant-table">
      <caption className="visually-hidden">Horizon total of the baseline and of each variant</caption>
      <thead>
        <tr>
          <th scope="col">Scenario</th>
          <th scope="col" className="num">P10</th>
          <th scope="col" className="num">P50</th>
          <th scope="col" className="num">P90</th>
          <th scope="col" className="num" title="Variant P50 − baseline P50">ΔP50</th>
          <th scope="col" className="num" title="Variant P90 − baseline P90">ΔP90</th>
          <th scope="col" className="num" title="Mean of the change per trial, ± its standard error">Δ mean</th>
          <th scope="col" className="num" title="Share of trials in which the variant costs less than the baseline">P(cheaper)</th>
        </tr>
      </thead>
      <tbody>
        <tr className="baseline-row" data-variant="(baseline)">
          <th scope="row">Baseline</th>
          <td className="num" data-col="p10">{money(result.total.p10)}</td>
          <td className="num" data-col="p50">{money(result.total.p50)}</td>
          <td className="num" data-col="p90">{money(result.total.p90)}</td>
          <td className="num muted">—</td>
          <td className="num muted">—</td>
          <td className="num muted">—</td>
          <td className="num muted">—</td>
        </tr>
        {names.map((name) => row(name, byName.get(name)))}
      </tbody>
    </table>
  );
}
