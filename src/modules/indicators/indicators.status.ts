/**
 * Status against a target (op koers / niet op koers / onbekend), computed from the measurements
 * of the target's area. The rule is plain text too, because every page that shows a status
 * shows the rule beside it (issue 3: "computed from the trend and shown with its rule").
 */
import type { Comparator, Direction, TargetKind } from '../../db/schema.js';

export type TargetStatus = 'op_koers' | 'niet_op_koers' | 'onbekend';

export const STATUS_LABELS: Record<TargetStatus, string> = {
  op_koers: 'Op koers',
  niet_op_koers: 'Niet op koers',
  onbekend: 'Onbekend',
};

/** How many of the latest measurements the trend line uses. */
export const TREND_POINTS = 5;

export const STATUS_RULE =
  'Op koers: de laatste meting haalt de streefwaarde al, of de rechte lijn door de laatste vijf metingen (kleinste kwadraten) haalt de streefwaarde in het streefjaar. ' +
  'Niet op koers: die lijn haalt de streefwaarde niet in het streefjaar, of het streefjaar is voorbij en de laatste meting haalt haar niet. ' +
  'Onbekend: er is geen meting, of maar één meting die de streefwaarde nog niet haalt, of (bij een streefwaarde ten opzichte van een nulmeting) er is nog geen nulmeting. ' +
  'Prognoses tellen niet mee. Bij "=" telt afgerond gelijk, of voorbij de streefwaarde in de goede richting.';

export type Point = { period: string; value: number };
export type StatusTarget = {
  comparator: Comparator;
  kind: TargetKind;
  value: number;
  year: number;
  baselinePeriod: string | null;
};
export type StatusResult = {
  status: TargetStatus;
  reason: string;
  /** The target as an absolute value, when it can be known (relative targets need a baseline). */
  goalValue: number | null;
  projected: number | null;
};

/** A period as a point in time: the middle of the year, half year, quarter or month. */
export function periodToYear(period: string): number {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  if (rest === '') return year + 0.5;
  if (rest.startsWith('H')) return year + (Number(rest.slice(1)) === 1 ? 0.25 : 0.75);
  if (rest.startsWith('Q')) return year + (Number(rest.slice(1)) - 0.5) / 4;
  return year + (Number(rest) - 0.5) / 12;
}

/** Whether a value meets the target; "=" counts rounded equality or beyond, in the good direction. */
export function meets(
  value: number,
  comparator: Comparator,
  goal: number,
  direction: Direction,
  decimals: number,
): boolean {
  const tolerance = 0.5 * 10 ** -decimals;
  switch (comparator) {
    case '>=':
      return value >= goal;
    case '>':
      return value > goal;
    case '<=':
      return value <= goal;
    case '<':
      return value < goal;
    case '=':
      if (direction === 'neutraal') return Math.abs(value - goal) <= tolerance;
      return direction === 'lager' ? value <= goal + tolerance : value >= goal - tolerance;
  }
}

/** Least-squares line through the points, evaluated at `at` (years). */
export function projectLinear(points: Array<{ x: number; y: number }>, at: number): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return my + slope * (at - mx);
}

function goalValueOf(target: StatusTarget, series: Point[]): number | null {
  if (target.kind === 'absolute') return target.value;
  const base = target.baselinePeriod
    ? series.find((p) => p.period === target.baselinePeriod)
    : series[0];
  if (!base) return null;
  return target.kind === 'relative'
    ? base.value * (1 + target.value / 100)
    : base.value + target.value;
}

/**
 * The status of one target given the (non-projection) measurements of its area, oldest first.
 * `today` decides whether the target year has passed.
 */
export function statusAgainstTarget(
  target: StatusTarget,
  series: Point[],
  direction: Direction,
  decimals: number,
  today = new Date(),
): StatusResult {
  const sorted = [...series].sort((a, b) => periodToYear(a.period) - periodToYear(b.period));
  const latest = sorted.at(-1);
  const goal = goalValueOf(target, sorted);
  const unknown = (reason: string): StatusResult => ({
    status: 'onbekend',
    reason,
    goalValue: goal,
    projected: null,
  });
  if (!latest) return unknown('Er is nog geen meting.');
  if (goal === null) return unknown('Er is nog geen nulmeting om de streefwaarde op te baseren.');
  if (target.kind !== 'absolute' && sorted.length < 2)
    return unknown('Er is alleen de nulmeting; een verandering is nog niet te zien.');
  const fmt = (v: number) => v.toFixed(decimals).replace('.', ',');
  const last = `${latest.period}: ${fmt(latest.value)}`;
  if (meets(latest.value, target.comparator, goal, direction, decimals))
    return {
      status: 'op_koers',
      reason: `De laatste meting (${last}) haalt de streefwaarde al.`,
      goalValue: goal,
      projected: null,
    };
  if (today.getFullYear() > target.year)
    return {
      status: 'niet_op_koers',
      reason: `Het streefjaar ${target.year} is voorbij en de laatste meting (${last}) haalt de streefwaarde niet.`,
      goalValue: goal,
      projected: null,
    };
  if (sorted.length < 2) return unknown('Er is maar één meting; een trend is nog niet te zien.');
  const points = sorted
    .slice(-TREND_POINTS)
    .map((p) => ({ x: periodToYear(p.period), y: p.value }));
  const projected = projectLinear(points, target.year + 0.5);
  const onTrack = meets(projected, target.comparator, goal, direction, decimals);
  return {
    status: onTrack ? 'op_koers' : 'niet_op_koers',
    reason: `De lijn door de laatste ${points.length} metingen komt in ${target.year} uit op ${fmt(projected)}; de streefwaarde is ${target.comparator} ${fmt(goal)}.`,
    goalValue: goal,
    projected,
  };
}
