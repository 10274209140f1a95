/**
 * A region's directory as HSDS rows per table, in the canonical text form of transfer-values.ts.
 * The export writes it and the import compares an upload with it, so a file exported and read
 * back changes nothing (ADR 0020). Marke's own columns that the spec has no place for travel as
 * profile attributes: `is_demo` as `voorbeeld`, `area_code` as `cbs-gebiedscode`; where no such
 * attribute row is stored, the snapshot shows the one the column implies (same id as the seed's).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { stableId, termId } from './directory-ids.js';
import {
  type HsdsTable,
  OWNER_COLUMNS,
  REFERENCES,
  STORED_TABLES,
  type StoredTable,
  TABLES,
} from './hsds-tables.js';
import { PROFILE_TAXONOMY } from './profile.js';
import * as repo from './transfer.repository.js';
import type { Row } from './transfer.types.js';
import { fromDatabase } from './transfer-values.js';

type Db = Kysely<Database>;
export type Snapshot = Record<HsdsTable, Map<string, Row>>;

export const DEMO_TERM = termId(PROFILE_TAXONOMY, 'voorbeeld');
export const AREA_TERM = termId(PROFILE_TAXONOMY, 'cbs-gebiedscode');
/** The value of a `voorbeeld` attribute: this listing is made up. */
export const DEMO_VALUE = 'ja';

/** Every row of the region's directory and the whole profile. */
export async function loadSnapshot(db: Db, regionId: number): Promise<Snapshot> {
  const snapshot = emptySnapshot();
  for (const table of STORED_TABLES)
    for (const raw of await repo.regionRows(db, table, regionId)) {
      const row = toRow(table, raw);
      snapshot[table].set(row.id ?? '', row);
    }
  const profile = await repo.profileRows(db);
  for (const raw of profile.taxonomies) snapshot.taxonomy.set(raw.id, toRow('taxonomy', raw));
  for (const raw of profile.terms) snapshot.taxonomy_term.set(raw.id, toRow('taxonomy_term', raw));
  addImpliedAttributes(snapshot);
  return snapshot;
}

export function emptySnapshot(): Snapshot {
  const snapshot = {} as Snapshot;
  for (const table of Object.keys(TABLES) as HsdsTable[]) snapshot[table] = new Map();
  return snapshot;
}

/** Marke's columns kept beside the spec's ones (read, compared where they carry meaning). */
const MARKE = ['is_demo', 'area_code', 'seeded_from', 'review_status', 'created_at'] as const;

function toRow(table: HsdsTable, raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const column of TABLES[table].columns)
    row[column.name] = column.stored ? fromDatabase(column, raw[column.name]) : null;
  for (const name of MARKE) {
    if (!(name in raw)) continue;
    const value = raw[name];
    row[name] =
      value === null || value === undefined
        ? null
        : value instanceof Date
          ? value.toISOString()
          : String(value);
  }
  return row;
}

/** The attribute a Marke column implies, unless a stored attribute row already says it. */
function addImpliedAttributes(snapshot: Snapshot): void {
  const said = new Set(
    [...snapshot.attribute.values()].map((a) => `${a.link_id}|${a.taxonomy_term_id}`),
  );
  const add = (linkId: string, entity: string, term: string, code: string, value: string) => {
    if (said.has(`${linkId}|${term}`)) return;
    const id = stableId('attribute', linkId, term, value);
    snapshot.attribute.set(id, {
      id,
      link_id: linkId,
      taxonomy_term_id: term,
      link_type: code,
      link_entity: entity,
      value,
    });
  };
  for (const entity of ['organization', 'service', 'location'] as const)
    for (const [id, row] of snapshot[entity])
      if (row.is_demo === 'true') add(id, entity, DEMO_TERM, 'voorbeeld', DEMO_VALUE);
  for (const entity of ['service_area', 'location'] as const)
    for (const [id, row] of snapshot[entity])
      if (row.area_code) add(id, entity, AREA_TERM, 'cbs-gebiedscode', row.area_code);
}

/**
 * What residents may see: the listed services, their organizations (and parents), the places
 * they are offered at, and the rows that hang only on those. The profile goes along whole.
 */
export function publicSnapshot(snapshot: Snapshot, listed: ReadonlySet<string>): Snapshot {
  const out = emptySnapshot();
  out.taxonomy = snapshot.taxonomy;
  out.taxonomy_term = snapshot.taxonomy_term;
  const keep = (table: StoredTable, id: string | null | undefined) => {
    const row = id ? snapshot[table].get(id) : undefined;
    if (row && id) out[table].set(id, row);
  };
  for (const id of listed) keep('service', id);
  for (const sal of snapshot.service_at_location.values())
    if (sal.service_id && out.service.has(sal.service_id)) keep('location', sal.location_id);
  const orgIds = [...out.service.values(), ...out.location.values()].map((r) => r.organization_id);
  for (const id of orgIds) keepOrganization(snapshot, out, id);
  for (const table of STORED_TABLES.filter((t) => OWNER_COLUMNS[t].length > 0))
    for (const [id, row] of snapshot[table])
      if (hangsOnKept(out, table, row)) out[table].set(id, row);
  return out;
}

function keepOrganization(snapshot: Snapshot, out: Snapshot, id: string | null | undefined): void {
  // Parents go along so every reference resolves when the file is read back; a loop stops.
  for (let next = id; next && !out.organization.has(next); ) {
    const row = snapshot.organization.get(next);
    if (!row) return;
    out.organization.set(next, row);
    next = row.parent_organization_id;
  }
}

/** A row is kept when its owner is and every row it refers to is (no dangling reference). */
function hangsOnKept(out: Snapshot, table: StoredTable, row: Row): boolean {
  const owner = OWNER_COLUMNS[table].find((c) => row[c]);
  if (!owner) return false;
  for (const column of OWNER_COLUMNS[table]) {
    const value = row[column];
    if (!value) continue;
    const target = column === 'link_id' ? (row.link_entity as StoredTable) : REFERENCES[column];
    if (!target || !out[target].has(value)) return false;
  }
  return true;
}
