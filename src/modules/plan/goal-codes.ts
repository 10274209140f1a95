/** Goal codes as the plan writes them (`2.1.1. A`) and as they appear in URLs (`2.1.1.a`). */

const CODE_IN_URL = /^([12])\.([1-9])\.([1-9])\.?(?:[.\-_\s]*([a-z]))?$/i;

export type ParsedGoalCode = { kind: 'strategic' | 'operational'; code: string };

/**
 * Parses a code from a URL or user input into the plan's notation; undefined when it is no goal
 * code. Chapter 1 numbers a strategic goal 1.x.y where chapter 2 says 2.x.y: both find the goal.
 */
export function parseGoalCode(input: string): ParsedGoalCode | undefined {
  const match = CODE_IN_URL.exec(input.trim());
  if (!match) return undefined;
  const [, chapter, opgave, goal, letter] = match;
  if (chapter === '1' && letter) return undefined;
  const strategic = `2.${opgave}.${goal}`;
  if (!letter) return { kind: 'strategic', code: strategic };
  return { kind: 'operational', code: `${strategic}. ${letter.toUpperCase()}` };
}

/** The canonical URL segment of a goal code: `2.1.1. A` → `2.1.1.a`. */
export function goalCodeToSegment(code: string): string {
  return code.replace('. ', '.').toLowerCase();
}

/** True for operational codes such as `2.1.1. A`. */
export function isOperationalCode(code: string): boolean {
  return /\. [A-Z]$/.test(code);
}

/** Sort key that orders codes as the plan does (2.1.1 before 2.1.1. A before 2.1.2). */
export function compareGoalCodes(a: string, b: string): number {
  return a.localeCompare(b, 'nl', { numeric: true });
}
