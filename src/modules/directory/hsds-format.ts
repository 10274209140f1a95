/** Value formats of the HSDS output: no nulls, valid e-mail and URI fields, dates, pages. */

/** The object without its null and undefined fields; the others keep their types. */
type Compact<T> = { [K in keyof T as null extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as null extends T[K] ? K : never]?: Exclude<T[K], null | undefined>;
};

export function compact<T extends object>(value: T): Compact<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as Compact<T>;
}

// The email pattern of ajv-formats (full mode), which the schema test checks against.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

/** An e-mail address the spec's `format: email` accepts, or null (never an invalid document). */
export function emailOrNull(value: string | null): string | null {
  return value && EMAIL.test(value) ? value : null;
}

/** An absolute URI (`format: uri`), percent-encoded where needed, or null. */
export function uriOrNull(value: string | null): string | null {
  if (!value) return null;
  if (URI_CHARACTERS.test(value) && URL.canParse(value)) return value;
  if (!URL.canParse(value)) return null;
  const href = new URL(value).href;
  return URI_CHARACTERS.test(href) ? href : null;
}

type Indexes = Map<string, Map<unknown, readonly unknown[]>>;
const indexes = new WeakMap<readonly object[], Indexes>();

/**
 * The rows whose `key` is `value`, through an index made once per list and key: presenting a
 * batch of 500 services looks their children up instead of scanning every child per service.
 */
export function rowsWhere<T extends Record<string, unknown>>(
  rows: readonly T[],
  key: string,
  value: unknown,
): readonly T[] {
  const byKey: Indexes = indexes.get(rows) ?? new Map();
  indexes.set(rows, byKey);
  let index = byKey.get(key);
  if (!index) {
    const made = new Map<unknown, T[]>();
    for (const row of rows) {
      const list = made.get(row[key]);
      if (list) list.push(row);
      else made.set(row[key], [row]);
    }
    byKey.set(key, made);
    index = made;
  }
  // The index of a T[] list holds only its rows, so they are T.
  return (index.get(value) ?? []) as readonly T[];
}

export const timestamp = (value: Date | string) => new Date(value).toISOString();
export const day = (value: Date | string) => timestamp(value).slice(0, 10);
export const numberOrNull = (value: string | number | null) =>
  value === null ? null : Number(value);

/**
 * The spec's Page without its contents (the export writes the contents after it, in parts).
 * `empty` is the spec's "empty result set": no results at all, whichever page this is (a page
 * after the last of a result is not `empty`, it has `size` 0). An empty result is still answered
 * as one page, page 1, first and last, so `total_pages` is at least 1 (ADR 0021).
 */
export function pageHeader(paging: { total: number; page: number; perPage: number }, size: number) {
  const totalPages = Math.max(1, Math.ceil(paging.total / paging.perPage));
  return {
    total_items: paging.total,
    total_pages: totalPages,
    page_number: paging.page,
    size,
    first_page: paging.page === 1,
    last_page: paging.page >= totalPages,
    empty: paging.total === 0,
  };
}

/** The spec's Page around one page of contents. */
export function presentPage<T>(
  contents: T[],
  paging: { total: number; page: number; perPage: number },
) {
  return { ...pageHeader(paging, contents.length), contents };
}
