/**
 * Test helper: many generated services (voorbeeld) in one gemeente and its wijken, with names as
 * varied as a real directory's, for the page-size and paging tests of the Hulpwijzer.
 */
import type { Kysely } from 'kysely';
import { v4 as uuid } from 'uuid';
import type { Database } from '../../db/schema.js';
import { taxonomyId } from './directory-ids.js';
import { LADDER_TAXONOMY, NEED_TAXONOMY } from './profile.js';

const WORDS = [
  'Buurt',
  'Dorps',
  'Huis',
  'Zorg',
  'Steun',
  'Samen',
  'Thuis',
  'Hulp',
  'Punt',
  'Plein',
];
const KINDS = ['kamer', 'team', 'groep', 'loket', 'café', 'kring', 'werk', 'atelier', 'maatjes'];

/** Names as varied as a real directory's (generated names that repeat would compress away). */
export function nameOf(i: number): string {
  const code = ((i + 1) * 2_654_435_761) >>> 0;
  const word = (k: number) => `${WORDS[(code >>> k) % WORDS.length]}`;
  return `${word(3)}${KINDS[(code >>> 7) % KINDS.length]} ${word(11)} ${code.toString(36)}`;
}
export const GEMEENTE = 'GM1680';

/**
 * `count` services: every 3rd for the whole gemeente, the rest in one of its wijken; 1–2 needs
 * each, the ladder steps in turn. Names start with `prefix` (one test can add two batches).
 */
export async function generateServices(
  db: Kysely<Database>,
  count: number,
  prefix = '',
): Promise<void> {
  const { region_id } = await db
    .selectFrom('area')
    .select('region_id')
    .where('code', '=', GEMEENTE)
    .executeTakeFirstOrThrow();
  const wijken = (
    await db
      .selectFrom('area')
      .select('code')
      .where('parent_code', '=', GEMEENTE)
      .where('level', '=', 'wijk')
      .orderBy('code')
      .execute()
  ).map((a) => a.code);
  const terms = async (taxonomy: string) =>
    (
      await db
        .selectFrom('hsds_taxonomy_term')
        .select('id')
        .where('taxonomy_id', '=', taxonomyId(taxonomy))
        .orderBy('position')
        .execute()
    ).map((t) => t.id);
  const [needs, ladder] = [await terms(NEED_TAXONOMY), await terms(LADDER_TAXONOMY)];
  const organization = uuid();
  await db
    .insertInto('hsds_organization')
    .values({
      id: organization,
      region_id,
      name: 'Voorbeeldorganisatie (veel diensten)',
      description: 'Verzonnen: voorbeelddata.',
      is_demo: true,
    })
    .execute();
  const ids = Array.from({ length: count }, () => uuid());
  const at = <T>(list: T[], i: number) => list[i % list.length] as T;
  await db
    .insertInto('hsds_service')
    .values(
      ids.map((id, i) => ({
        id,
        region_id,
        organization_id: organization,
        name: `${prefix}${nameOf(i)}`,
        status: 'active' as const,
        is_demo: true,
        review_status: 'goedgekeurd' as const,
        assured_date: new Date().toISOString().slice(0, 10),
      })),
    )
    .execute();
  await db
    .insertInto('hsds_service_area')
    .values(
      ids.map((id, i) => ({
        id: uuid(),
        service_id: id,
        area_code: i % 3 === 0 ? GEMEENTE : at(wijken, i),
      })),
    )
    .execute();
  const attribute = (link_id: string, link_type: string, taxonomy_term_id: string) => ({
    id: uuid(),
    link_id,
    link_type,
    link_entity: 'service' as const,
    taxonomy_term_id,
    value: null,
  });
  await db
    .insertInto('hsds_attribute')
    .values(
      ids.flatMap((id, i) => [
        attribute(id, 'hulpladder', at(ladder, i * 7)),
        attribute(id, 'hulpvraag', at(needs, i)),
        ...(i % 2 === 0 ? [attribute(id, 'hulpvraag', at(needs, i + 5))] : []),
      ]),
    )
    .execute();
}
