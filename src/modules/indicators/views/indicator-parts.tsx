/** Pieces every indicator view shares: a value with its unit, a target, a status with its reason. */
import { formatNumber } from '../../../web/charts.js';
import type { IndicatorSummary, Measurement, TargetWithStatus } from '../indicators.service.js';
import { STATUS_LABELS } from '../indicators.status.js';
import { COMPARATOR_SIGNS } from '../indicators.types.js';

type Unit = { unit: string; decimals: number };

/** "27,1%" or "1.700 medewerkers"; missing values say why. */
export function formatValue(value: number | null, { unit, decimals }: Unit): string {
  if (value === null) return 'geen waarde';
  return unit === '%'
    ? `${formatNumber(value, decimals)}%`
    : `${formatNumber(value, decimals)} ${unit}`;
}

export function targetText(target: TargetWithStatus, unit: Unit): string {
  const sign = COMPARATOR_SIGNS[target.comparator];
  const where = `${target.areaName}, ${target.year}`;
  if (target.kind === 'relative')
    return `${target.value > 0 ? '+' : ''}${formatNumber(target.value, 0)}% ten opzichte van de nulmeting (${where})`;
  if (target.kind === 'change')
    return `${target.value > 0 ? '+' : ''}${formatValue(target.value, unit)} ten opzichte van de nulmeting (${where})`;
  return `${sign} ${formatValue(target.value, unit)} (${where})`;
}

export function StatusBadge({ target }: { target: TargetWithStatus }) {
  return (
    <span class={`marke-status-${target.status.status}`}>
      {STATUS_LABELS[target.status.status]}
    </span>
  );
}

/** Labels that must travel with a figure wherever it is shown. */
export function MeasurementFlags({ m }: { m: Measurement }) {
  return (
    <>
      {m.isProjection ? <span class="marke-tag">prognose</span> : null}
      {m.isDemo ? <span class="marke-tag">voorbeelddata</span> : null}
    </>
  );
}

export function LatestCell({ indicator }: { indicator: IndicatorSummary }) {
  const m = indicator.latest;
  if (!m) return <td class="utrecht-table__cell marke-muted">nog geen meting</td>;
  return (
    <td class="utrecht-table__cell">
      {formatValue(m.value, indicator)}{' '}
      <span class="marke-muted">
        ({m.areaName}, {m.period})
      </span>{' '}
      <MeasurementFlags m={m} />
    </td>
  );
}
