/** Query-string checks shared by pages and API: a route takes only the parameters it names. */
import type { Context, MiddlewareHandler } from 'hono';

/** Allowed query parameters per path suffix (or path pattern); every other path takes none. */
export type QueryRules = Array<
  ({ suffix: string } | { pattern: RegExp }) & { allowed: readonly string[] }
>;

/**
 * Rejects query parameters a route does not take, so a typo or junk gives a clear 400 instead of
 * silently showing something else, and the page cache cannot be filled with endless variants.
 */
export function strictQuery(
  rules: QueryRules,
  onBad: (c: Context, unknown: string[]) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path.replace(/\/+$/, '');
    const allowed =
      rules.find((rule) =>
        'suffix' in rule ? path.endsWith(rule.suffix) : rule.pattern.test(path),
      )?.allowed ?? [];
    const unknown = Object.keys(c.req.queries()).filter((name) => !allowed.includes(name));
    if (unknown.length > 0) return onBad(c, unknown);
    await next();
  };
}
