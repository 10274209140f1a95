/**
 * Disclosure control of panel distributions (pure). A distribution of fewer than
 * PANEL_MIN_RESPONDENTS answers in an area and period is suppressed; so are siblings that would
 * let it be recomputed from a shown parent area (parent minus the shown children).
 */
import { PANEL_MIN_RESPONDENTS } from './stories.types.js';

export type RawDistribution = {
  period: string;
  areaCode: string;
  /** Count per option, in the question's order. */
  counts: number[];
};

export type AreaParent = (code: string) => string | null | undefined;

export type CheckedDistribution = RawDistribution & {
  n: number;
  suppressed: boolean;
  /** Why: too few answers here, or hidden so a small neighbour cannot be recomputed. */
  reason: 'te-weinig' | 'herleidbaar' | null;
};

const total = (counts: number[]) => counts.reduce((sum, c) => sum + c, 0);

/**
 * Marks what may be shown. Primary: n < threshold. Complementary, repeated until nothing changes:
 * under a shown parent (same period) the suppressed children together must count 0 or at least the
 * threshold, else the smallest shown sibling is hidden too; and a hidden parent whose children
 * are all shown gets its smallest child hidden, so it cannot be summed back.
 */
export function applyDisclosureControl(
  distributions: RawDistribution[],
  parentOf: AreaParent,
  threshold = PANEL_MIN_RESPONDENTS,
): CheckedDistribution[] {
  const checked: CheckedDistribution[] = distributions.map((d) => {
    const n = total(d.counts);
    const small = n < threshold;
    return { ...d, n, suppressed: small, reason: small ? 'te-weinig' : null };
  });
  const byKey = new Map(checked.map((d) => [`${d.period}|${d.areaCode}`, d]));
  const children = new Map<string, CheckedDistribution[]>();
  for (const d of checked) {
    const parent = parentOf(d.areaCode);
    if (!parent || !byKey.has(`${d.period}|${parent}`)) continue;
    const key = `${d.period}|${parent}`;
    children.set(key, [...(children.get(key) ?? []), d]);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const [key, group] of children) {
      const parent = byKey.get(key);
      const hidden = group.filter((d) => d.suppressed);
      const shown = group.filter((d) => !d.suppressed).sort((a, b) => a.n - b.n);
      const hiddenTotal = total(hidden.map((d) => d.n));
      const parentShownLeaksChild =
        !parent?.suppressed && hidden.length > 0 && hiddenTotal < threshold;
      const parentHiddenButSummable = parent?.suppressed && hidden.length === 0;
      const next = shown[0];
      if ((parentShownLeaksChild || parentHiddenButSummable) && next) {
        next.suppressed = true;
        next.reason = 'herleidbaar';
        changed = true;
      }
    }
  }
  return checked;
}
