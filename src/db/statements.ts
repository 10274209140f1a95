/** Runs a SQL script statement by statement (PGlite's extended protocol takes one statement at a time). */
import { type Kysely, sql } from 'kysely';

/** Splits on semicolons at line ends; migration scripts keep one statement per `;\n`. */
export async function runStatements(db: Kysely<unknown>, script: string): Promise<void> {
  const statements = script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
