/** Runs the TypeScript migrations in order; the list is static so bundling and tests see the same set. */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { syncShownFigures } from '../modules/disclosure/index.js';
import * as m0001 from './migrations/0001_plan.js';
import * as m0002 from './migrations/0002_party_sector.js';
import * as m0003 from './migrations/0003_auth.js';
import * as m0004 from './migrations/0004_agenda.js';
import * as m0005 from './migrations/0005_agenda_decisions.js';
import * as m0006 from './migrations/0006_imports.js';
import * as m0007 from './migrations/0007_areas.js';
import * as m0008 from './migrations/0008_stories.js';
import * as m0009 from './migrations/0009_indicators.js';
import * as m0010 from './migrations/0010_rounds.js';
import * as m0011 from './migrations/0011_indicator_admin.js';
import * as m0012 from './migrations/0012_disclosure.js';
import * as m0013 from './migrations/0013_boundaries.js';
import * as m0014 from './migrations/0014_data_sources.js';
import * as m0015 from './migrations/0015_subregions.js';
import * as m0016 from './migrations/0016_wide_imports_rollups.js';
import * as m0017 from './migrations/0017_national_areas.js';
import * as m0018 from './migrations/0018_postcode_areas.js';
import * as m0019 from './migrations/0019_map_figures_index.js';
import * as m0020 from './migrations/0020_shown_figures.js';
import * as m0021 from './migrations/0021_directory.js';
import * as m0022 from './migrations/0022_directory_search.js';
import * as m0023 from './migrations/0023_directory_editor.js';
import * as m0024 from './migrations/0024_directory_version.js';
import * as m0025 from './migrations/0025_directory_search_memo.js';
import * as m0026 from './migrations/0026_directory_search_truncate.js';
import type { Database } from './schema.js';

const migrations: Record<string, Migration> = {
  '0001_plan': m0001,
  '0002_party_sector': m0002,
  '0003_auth': m0003,
  '0004_agenda': m0004,
  '0005_agenda_decisions': m0005,
  '0006_imports': m0006,
  '0007_areas': m0007,
  '0008_stories': m0008,
  '0009_indicators': m0009,
  '0010_rounds': m0010,
  '0011_indicator_admin': m0011,
  '0012_disclosure': m0012,
  '0013_boundaries': m0013,
  '0014_data_sources': m0014,
  '0015_subregions': m0015,
  '0016_wide_imports_rollups': m0016,
  '0017_national_areas': m0017,
  '0018_postcode_areas': m0018,
  '0019_map_figures_index': m0019,
  '0020_shown_figures': m0020,
  '0021_directory': m0021,
  '0022_directory_search': m0022,
  '0023_directory_editor': m0023,
  '0024_directory_version': m0024,
  '0025_directory_search_memo': m0025,
  '0026_directory_search_truncate': m0026,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/**
 * Brings the schema up to date; throws with the failing migration's name on error. Then the
 * shown figures' trigger functions, which follow the disclosure module's code rather than a
 * migration's snapshot (ADR 0015): replaced, and every row recomputed, when that code changed.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed?.migrationName ?? 'onbekend';
    throw new Error(
      `Migratie ${name} mislukt: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await syncShownFigures(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
