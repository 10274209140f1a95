/**
 * Session loading and CSRF protection for the signed-in part of Marke. Public pages stay free of
 * cookies; only the login and account routes use these.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { randomToken } from './auth.password.js';
import { sessionFromToken } from './auth.service.js';
import type { Session } from './auth.types.js';

export const SESSION_COOKIE = 'marke_session';
export const CSRF_COOKIE = 'marke_csrf';

export type AuthEnv = { Variables: { session?: Session; sharedPage?: boolean } };

/** Secure cookies when the request came over HTTPS (directly or through a proxy). */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** Loads the session of the cookie, if any, into `c.var.session`. */
export function loadSession(db: Kysely<Database>): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token && token.length <= 200) {
      const session = await sessionFromToken(db, token);
      if (session) c.set('session', session);
    }
    c.header('cache-control', 'no-store');
    // A page that read the session is personal: never shared through the page cache (ADR 0010).
    c.set('sharedPage', false);
    await next();
  };
}

/** The CSRF token a form must carry: the session's, or for anonymous forms a cookie token. */
export function csrfTokenFor(c: Context<AuthEnv>): string {
  const session = c.get('session');
  if (session) return session.csrfToken;
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && existing.length >= 32 && existing.length <= 100) return existing;
  const token = randomToken();
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
  });
  return token;
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Rejects a POST whose `_csrf` field does not match the session's (or the anonymous cookie's) token. */
export function verifyCsrf(c: Context<AuthEnv>, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || submitted.length === 0) return false;
  const expected = c.get('session')?.csrfToken ?? getCookie(c, CSRF_COOKIE);
  return !!expected && equal(submitted, expected);
}
