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

/**
 * Names that platforms and mailers add to a shared link (Facebook, Google, Microsoft, Mailchimp,
 * HubSpot, Instagram, TikTok …); `utm_` followed by anything is Google Analytics' convention.
 */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'gbraid',
  'wbraid',
  'dclid',
  'msclkid',
  'mc_eid',
  'mc_cid',
  'igshid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
]);

/** Whether a query parameter only serves someone's tracking, never the page. */
export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMETERS.has(lower);
}

/** The decoded name of one `name=value` pair of a raw query string. */
function nameOf(pair: string): string {
  const name = (pair.split('=')[0] ?? '').replaceAll('+', ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * A link shared on Facebook or in a newsletter carries `fbclid`, `utm_source` and the like: a GET
 * with them is sent (301) to the same address without them, the other parameters untouched and
 * in their order. The resident gets the page, the tracking codes are not kept in the address bar,
 * the page cache or a log line of the page itself, and strictQuery still judges the rest.
 */
export function withoutTrackingParameters(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    const pairs = url.search.slice(1).split('&');
    const kept = pairs.filter((pair) => !isTrackingParameter(nameOf(pair)));
    if (kept.length === pairs.length) return next();
    const search = kept.filter((pair) => pair !== '').join('&');
    return c.redirect(`${url.pathname}${search ? `?${search}` : ''}`, 301);
  };
}
