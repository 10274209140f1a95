/**
 * What an import changes (ADR 0020): which listing (organization, service, location) a row
 * belongs to, and per table the rows added, changed, unchanged and removed, a listing with any
 * change in it counting as changed. Pure, like transfer-check.ts.
 */
import {
  isRootTable,
  OWNER_COLUMNS,
  REFERENCES,
  type RootTable,
  STORED_TABLES,
  type StoredTable,
  TABLES,
} from './hsds-tables.js';
import type { Place, Row } from './transfer.types.js';
import type { Snapshot } from './transfer-snapshot.js';

export type TableChanges = { added: Row[]; changed: Row[]; removed: Row[]; unchanged: Row[] };
export type ImportPlan = {
  changes: Record<StoredTable, TableChanges>;
  /** Listings with any change in them: people's work now, no longer the seed's. */
  touched: Record<RootTable, Set<string>>;
  /** Fields that differ per changed row id, for the HSDS change history. */
  diffs: Map<string, Array<{ field: string; before: string; after: string }>>;
  /** Where the upload speaks of each added or changed service, for the report after writing. */
  servicePlaces: Map<string, Place>;
  notices: string[];
};

/** Columns compared to tell a changed row from an unchanged one (and named in the history). */
export function comparedColumns(table: StoredTable): string[] {
  const own = TABLES[table].columns.filter((c) => c.stored && !c.derived).map((c) => c.name);
  const marke = {
    organization: ['is_demo'],
    service: ['is_demo'],
    location: ['is_demo', 'area_code'],
    service_area: ['area_code'],
  } as Partial<Record<StoredTable, string[]>>;
  return [...own, ...(marke[table] ?? [])];
}

/** The owner a row hangs on (see OWNER_COLUMNS), or undefined for a listing itself. */
export function ownerOf(
  table: StoredTable,
  row: Row,
): { table: StoredTable; id: string } | undefined {
  for (const column of OWNER_COLUMNS[table]) {
    const id = row[column];
    if (!id) continue;
    const target =
      column === 'link_id' ? (row.link_entity as StoredTable) : (REFERENCES[column] as StoredTable);
    return { table: target, id };
  }
  return undefined;
}

/** The listing (organization, service or location) a row belongs to, following owners up. */
export function listingOf(
  state: Snapshot,
  table: StoredTable,
  row: Row | undefined,
): { table: RootTable; id: string } | undefined {
  let at: { table: StoredTable; row: Row | undefined } = { table, row };
  for (let depth = 0; depth < 6 && at.row; depth++) {
    if (isRootTable(at.table)) return at.row.id ? { table: at.table, id: at.row.id } : undefined;
    const owner = ownerOf(at.table, at.row);
    if (!owner) return undefined;
    at = { table: owner.table, row: state[owner.table].get(owner.id) };
  }
  return undefined;
}

export function listingsReached(current: Snapshot, final: Snapshot, incoming: Snapshot): Listings {
  const reached = noListings();
  for (const table of STORED_TABLES) {
    for (const id of incoming[table].keys())
      mark(reached, listingOf(final, table, final[table].get(id)));
    for (const [id, row] of current[table])
      if (!final[table].has(id)) mark(reached, listingOf(current, table, row));
  }
  return reached;
}

export type Listings = Record<RootTable, Set<string>>;
export const noListings = (): Listings => ({
  organization: new Set(),
  service: new Set(),
  location: new Set(),
});
export const mark = (listings: Listings, listing: { table: RootTable; id: string } | undefined) => {
  if (listing) listings[listing.table].add(listing.id);
};

/** Rows added, changed, unchanged and removed; a listing with any change in it counts as changed. */
export function diff(current: Snapshot, final: Snapshot) {
  const changes = {} as Record<StoredTable, TableChanges>;
  const diffs: ImportPlan['diffs'] = new Map();
  const touched = noListings();
  for (const table of STORED_TABLES) {
    const c: TableChanges = { added: [], changed: [], removed: [], unchanged: [] };
    const columns = comparedColumns(table);
    for (const [id, row] of final[table]) {
      const before = current[table].get(id);
      const fields = before ? columns.filter((f) => (before[f] ?? null) !== (row[f] ?? null)) : [];
      if (before && fields.length === 0) {
        c.unchanged.push(row);
        continue;
      }
      (before ? c.changed : c.added).push(row);
      if (before)
        diffs.set(
          id,
          fields.map((f) => ({ field: f, before: before[f] ?? '', after: row[f] ?? '' })),
        );
      mark(touched, listingOf(final, table, row));
    }
    for (const [id, row] of current[table])
      if (!final[table].has(id)) {
        c.removed.push(row);
        mark(touched, listingOf(current, table, row));
      }
    changes[table] = c;
  }
  // A listing whose phones or areas changed is changed as a whole: written, no longer the seed's.
  for (const table of ['organization', 'service', 'location'] as const) {
    const c = changes[table];
    const moved = c.unchanged.filter((row) => touched[table].has(row.id ?? ''));
    c.unchanged = c.unchanged.filter((row) => !touched[table].has(row.id ?? ''));
    c.changed.push(...moved);
  }
  return { changes, diffs, touched };
}
