/** The address a visitor used, for absolute URLs in answers (the HSDS API, the print page). */
import type { Context } from 'hono';
import type { Config } from '../config.js';
import type { AppEnv } from './types.js';

/**
 * Scheme, host and port the client used; behind a trusted proxy (MARKE_TRUST_PROXY=1), the
 * scheme it forwarded, so a page served over TLS by the proxy does not name itself http.
 */
export function originOf(c: Context<AppEnv>, config: Config): string {
  const url = new URL(c.req.url);
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  if (config.trustProxy && (forwarded === 'http' || forwarded === 'https'))
    url.protocol = `${forwarded}:`;
  return url.origin;
}
