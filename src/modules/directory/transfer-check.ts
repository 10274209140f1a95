/**
 * Checks an upload against the region's directory and works out what the import changes
 * (ADR 0020): values, duplicates, ids of other regions, references (in the file or already in
 * Marke), the profile's rules, and per table the rows added, changed, unchanged and removed.
 * Pure: the caller reads the snapshot and writes the plan, inside one transaction.
 */
import {
  type HsdsTable,
  OWNER_COLUMNS,
  REFERENCES,
  STORED_TABLES,
  type StoredTable,
  TABLES,
} from './hsds-tables.js';
import {
  type CheckedRow,
  type Completeness,
  ownerKey,
  type Place,
  type Problem,
  type Row,
  type Upload,
} from './transfer.types.js';
import {
  diff,
  type ImportPlan,
  type Listings,
  listingOf,
  listingsReached,
  ownerOf,
} from './transfer-diff.js';
import {
  attributesByLink,
  checkAttribute,
  checkService,
  defaultLinkType,
  deriveColumns,
  type Known,
} from './transfer-profile.js';
import { emptySnapshot, type Snapshot } from './transfer-snapshot.js';
import { checkUniqueKeys, describe, placeOf } from './transfer-unique.js';
import { checkValues } from './transfer-values.js';

/** The plan of an import, or every problem found (row by row). */
export function planImport(
  upload: Upload,
  current: Snapshot,
  known: Known,
  elsewhere: Record<StoredTable, ReadonlySet<string>>,
): { ok: true; plan: ImportPlan } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [...upload.problems];
  const unstored = new Map<string, number>();
  const incoming = emptySnapshot();
  const places = new Map<string, Place>();
  for (const table of Object.keys(TABLES) as HsdsTable[]) {
    const checked = checkValues(table, upload.rows[table], problems, unstored);
    addIncoming(checked, incoming[table], places, upload.format, problems);
  }
  checkProfileRows(incoming, current, places, problems);
  checkOwnership(incoming, current, elsewhere, places, problems);
  fillLinkTypes(incoming, known);
  if (problems.length > 0) return { ok: false, problems };
  const final = finalState(current, incoming, upload.complete);
  // Reference problems do not stop the profile's checks: the user sees everything at once.
  checkReferences(incoming, final, known, places, problems);
  // Every listing the upload reaches is checked against the profile, changed or not.
  const scope = listingsReached(current, final, incoming);
  const byLink = attributesByLink(final);
  deriveColumnsIn(final, scope, byLink, places, problems);
  for (const [id, row] of incoming.attribute)
    problems.push(...checkAttribute(row, placeOf(places, id), known));
  // Indexed once: scanning every row per service made 8 000 services take 91 s.
  const servicePlace = servicePlaces(places, incoming, final);
  const areas = areasByService(final);
  for (const id of scope.service)
    problems.push(...checkService(id, servicePlace(id), { final, areas, byLink, known }));
  problems.push(...checkUniqueKeys({ final, current, touched: scope, places, byLink }));
  if (problems.length > 0) return { ok: false, problems };
  const notices = [
    ...upload.notices,
    ...[...unstored].map(
      ([where, n]) =>
        `${where}: ${n} ${n === 1 ? 'waarde' : 'waarden'} niet ingelezen; Marke bewaart deze kolom niet.`,
    ),
  ];
  const planned = diff(current, final);
  const written = [...planned.changes.service.added, ...planned.changes.service.changed];
  const placed = new Map(written.map((row) => [row.id ?? '', servicePlace(row.id ?? '')]));
  return { ok: true, plan: { ...planned, servicePlaces: placed, notices } };
}

function addIncoming(
  rows: CheckedRow[],
  into: Map<string, Row>,
  places: Map<string, Place>,
  format: 'json' | 'csv',
  problems: Problem[],
): void {
  for (const { place, row } of rows) {
    const id = row.id;
    if (!id) continue;
    const seen = into.get(id);
    if (seen) {
      // In JSON one organization or term stands under every service that uses it: the same is fine.
      const same = format === 'json' && JSON.stringify(seen) === JSON.stringify(row);
      if (!same)
        problems.push({
          ...place,
          column: 'id',
          value: id,
          message: `Dit id staat al eerder in het bestand (${describe(placeOf(places, id))}).`,
        });
      continue;
    }
    into.set(id, row);
    places.set(id, place);
  }
}

/** The profile comes from profiel.yaml: a file may repeat its rows, not add or change them. */
function checkProfileRows(
  incoming: Snapshot,
  current: Snapshot,
  places: Map<string, Place>,
  problems: Problem[],
) {
  for (const table of ['taxonomy', 'taxonomy_term'] as const)
    for (const id of incoming[table].keys())
      if (!current[table].has(id))
        problems.push({
          ...placeOf(places, id),
          column: 'id',
          value: id,
          message:
            table === 'taxonomy'
              ? 'Onbekende taxonomie. Marke gebruikt alleen de taxonomieën van het eigen profiel (Hulpvraag, Hulpladder, Marke-profiel).'
              : 'Onbekende term. Marke gebruikt alleen de termen van het eigen profiel; kies een term uit taxonomy_terms.csv van een export.',
        });
}

/** An id that Marke has in another region's directory cannot be taken over by this import. */
function checkOwnership(
  incoming: Snapshot,
  current: Snapshot,
  elsewhere: Record<StoredTable, ReadonlySet<string>>,
  places: Map<string, Place>,
  problems: Problem[],
) {
  for (const table of STORED_TABLES)
    for (const id of incoming[table].keys())
      if (elsewhere[table].has(id) && !current[table].has(id))
        problems.push({
          ...placeOf(places, id),
          column: 'id',
          value: id,
          message:
            'Dit id hoort bij de Hulpwijzer van een andere regio. Geef dit onderdeel een nieuw id.',
        });
}

function fillLinkTypes(incoming: Snapshot, known: Known) {
  for (const row of incoming.attribute.values()) {
    const term = known.terms.get(row.taxonomy_term_id ?? '');
    if (!row.link_type && term) row.link_type = defaultLinkType(term);
  }
}

function isComplete(
  complete: Completeness,
  table: StoredTable,
  ownerId: string,
  uploadIds: ReadonlySet<string>,
) {
  return complete.kind === 'tables'
    ? complete.tables.has(table) && uploadIds.has(ownerId)
    : complete.keys.has(ownerKey(table, ownerId));
}

/** The directory as it will be: the current rows, less those the upload leaves out, plus its rows. */
function finalState(current: Snapshot, incoming: Snapshot, complete: Completeness): Snapshot {
  const final = emptySnapshot();
  const uploadIds = new Set(STORED_TABLES.flatMap((t) => [...incoming[t].keys()]));
  const removed = new Set<string>();
  for (const table of STORED_TABLES)
    for (const [id, row] of current[table]) {
      const owner = ownerOf(table, row);
      if (!incoming[table].has(id) && owner && isComplete(complete, table, owner.id, uploadIds))
        removed.add(id);
    }
  // What hangs on a removed row goes with it (the database cascades), unless the upload gives it.
  for (let grew = true; grew; ) {
    grew = false;
    for (const table of STORED_TABLES)
      for (const [id, row] of current[table]) {
        if (removed.has(id) || incoming[table].has(id)) continue;
        if (OWNER_COLUMNS[table].some((c) => row[c] && removed.has(row[c] as string))) {
          removed.add(id);
          grew = true;
        }
      }
  }
  for (const table of Object.keys(TABLES) as HsdsTable[]) {
    for (const [id, row] of current[table]) if (!removed.has(id)) final[table].set(id, row);
    if (table === 'taxonomy' || table === 'taxonomy_term') continue;
    for (const [id, row] of incoming[table])
      final[table].set(id, { ...current[table].get(id), ...row });
  }
  return final;
}

/** Every reference of an incoming row must point at a row in the file or in the region. */
function checkReferences(
  incoming: Snapshot,
  final: Snapshot,
  known: Known,
  places: Map<string, Place>,
  problems: Problem[],
) {
  for (const table of STORED_TABLES)
    for (const [id, row] of incoming[table]) {
      const place = placeOf(places, id);
      for (const column of TABLES[table].columns) {
        const value = row[column.name];
        const target =
          column.name === 'link_id' ? (row.link_entity as StoredTable) : REFERENCES[column.name];
        if (!value || !target) continue;
        const found =
          target === 'taxonomy_term' ? known.terms.has(value) : final[target].has(value);
        if (!found)
          problems.push({
            ...place,
            column: column.name,
            value,
            message:
              target === 'taxonomy_term'
                ? 'Onbekende term: gebruik een term uit het profiel van Marke (taxonomy_terms.csv van een export).'
                : `Er is geen ${target} met dit id, niet in het bestand en niet in de Hulpwijzer van deze regio.`,
          });
      }
      if (OWNER_COLUMNS[table].length > 1 && !ownerOf(table, row))
        problems.push({
          ...place,
          column: OWNER_COLUMNS[table].join(', '),
          value: '',
          message: 'Hoort bij niets: vul minstens één van deze kolommen in.',
        });
    }
}

/**
 * Where the upload speaks of a service: its own row, else the first row of the upload that belongs
 * to it (a phone, an area …), else nowhere. One pass over the upload, then a lookup per service.
 */
function servicePlaces(
  places: Map<string, Place>,
  incoming: Snapshot,
  final: Snapshot,
): (serviceId: string) => Place {
  const first = new Map<string, Place>();
  for (const table of STORED_TABLES)
    for (const rowId of incoming[table].keys()) {
      const listing = listingOf(final, table, final[table].get(rowId));
      if (listing?.table === 'service' && !first.has(listing.id))
        first.set(listing.id, placeOf(places, rowId));
    }
  return (id) => places.get(id) ?? first.get(id) ?? { file: '', row: 0 };
}

/** The final areas of each service, by service id. */
function areasByService(final: Snapshot): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const area of final.service_area.values()) {
    const list = out.get(area.service_id ?? '');
    if (list) list.push(area);
    else out.set(area.service_id ?? '', [area]);
  }
  return out;
}

/** Marke's columns of the reached listings and their areas, set from the final attributes. */
function deriveColumnsIn(
  final: Snapshot,
  scope: Listings,
  byLink: Map<string, Row[]>,
  places: Map<string, Place>,
  problems: Problem[],
) {
  for (const table of ['organization', 'service', 'location', 'service_area'] as const)
    for (const [id, row] of final[table]) {
      const reached =
        table === 'service_area' ? scope.service.has(row.service_id ?? '') : scope[table].has(id);
      if (!reached) continue;
      const copy = { ...row };
      problems.push(...deriveColumns(table, copy, placeOf(places, id), byLink));
      final[table].set(id, copy);
    }
}
