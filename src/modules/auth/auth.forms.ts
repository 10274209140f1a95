/** Helpers every signed-in form route shares: the page context, the posted fields, zod errors. */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { PageContext } from '../../web/context.js';
import type { AppDeps } from '../../web/types.js';
import { getRegion, getRegionById } from '../plan/index.js';
import type { AuthEnv } from './auth.middleware.js';
import type { FieldErrors } from './views/forms.js';

/** Signed in: the user's own region; otherwise the default region (neutral if it is missing). */
export async function signedInPageContext(
  deps: AppDeps,
  c: Context<AuthEnv>,
): Promise<PageContext> {
  const regionId = c.get('session')?.user.regionId;
  const region =
    regionId !== undefined
      ? await getRegionById(deps.db, regionId)
      : await getRegion(deps.db, deps.config.defaultRegion);
  const value = region.ok
    ? region.value
    : { id: 0, code: deps.config.defaultRegion, name: 'Marke' };
  return {
    base: '',
    region: value,
    stylesheet: deps.stylesheetPath,
    brand: region.ok ? (region.value.brand ?? 'Marke') : 'Marke',
  };
}

/** The posted form's text fields (file parts are ignored; uploads use formWithUpload). */
export async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, withoutNul(v)]] : [])),
  );
}

/** PostgreSQL text cannot hold NUL bytes; no person types one, so they are dropped. */
export function withoutNul(text: string): string {
  return text.includes('\0') ? text.replaceAll('\0', '') : text;
}

export type Upload = { name: string; bytes: Uint8Array };

/** A posted form with one file field: the text fields and the file (absent when none was chosen). */
export async function formWithUpload(
  c: Context,
  field = 'bestand',
): Promise<{ fields: Record<string, string>; file: Upload | undefined }> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  let file: Upload | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[key] = withoutNul(value);
    else if (key === field && value instanceof File && value.size > 0)
      file = { name: withoutNul(value.name), bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return { fields, file };
}

/** The first zod message per field, for the error summary and the field itself. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? 'formulier')] ??= issue.message;
  return errors;
}
