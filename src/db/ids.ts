/** Row ids from URLs and forms: checked before a query, so a huge number is a 404, not a 500. */

/** The largest value of a PostgreSQL `integer` / `serial` column. */
export const MAX_ROW_ID = 2_147_483_647;

/** Whether `id` can be the id of a row in a `serial` column. */
export function isRowId(id: number): boolean {
  return Number.isSafeInteger(id) && id >= 1 && id <= MAX_ROW_ID;
}
