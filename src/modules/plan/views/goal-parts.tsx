/** Small shared pieces of the goal views: code links, planning cells, party lists. */

import { excerpt } from '../../../lib/blocks.js';
import { href, type PageContext } from '../../../web/context.js';
import { goalCodeToSegment } from '../goal-codes.js';

export const YEARS = ['2024', '2025', '2026', '2027+'] as const;

/** Goal URLs use the lowercase segment (2.1.1.a), so every view must build them the same way. */
export function goalHref(ctx: PageContext, code: string): string {
  return href(ctx, `/doelen/${goalCodeToSegment(code)}`);
}

/** Goals are linked from many pages; all show the code and a short excerpt of the text. */
export function GoalLink({ ctx, code, text }: { ctx: PageContext; code: string; text: string }) {
  return (
    <a class="utrecht-link" href={goalHref(ctx, code)}>
      <span class="marke-code">{code}</span> {excerpt(text, 140)}
    </a>
  );
}

type PlannedGoal = { planning: string[]; deadline_year: number | null };

/** What to show in a year column for a goal: planned (table mark) and/or its target year. */
export function yearCell(goal: PlannedGoal, year: (typeof YEARS)[number]): string {
  const parts: string[] = [];
  if (goal.planning.includes(year)) parts.push('gepland');
  const deadline = goal.deadline_year;
  if (deadline !== null) {
    const inColumn = year === '2027+' ? deadline >= 2027 : String(deadline) === year;
    if (inColumn) parts.push(year === '2027+' ? `doeljaar ${deadline}` : 'doeljaar');
  }
  return parts.join(', ');
}

/** Goal pages and lists show the target year with the plan's note, or say it gives none. */
export function deadlineText(goal: {
  deadline_year: number | null;
  deadline_note: string | null;
}): string {
  if (goal.deadline_year !== null && goal.deadline_note)
    return `${goal.deadline_year} (${goal.deadline_note})`;
  if (goal.deadline_year !== null) return String(goal.deadline_year);
  return goal.deadline_note ?? 'niet genoemd in het plan';
}

/** Some goals have a label or lost their text in the source; lists still need one line each. */
export function goalSummary(goal: {
  text: string | null;
  label: string | null;
  text_missing: boolean;
}): string {
  if (goal.text_missing) return 'De tekst van dit doel ontbreekt in de bronversie van het plan.';
  return goal.label ? `${goal.label}: ${goal.text ?? ''}` : (goal.text ?? '');
}
