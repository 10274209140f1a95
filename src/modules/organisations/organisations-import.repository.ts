/** Writes sectors, organisations, coalition memberships and governance for one region (import only). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { json, setExcluded } from '../../db/upsert.js';
import type { GovernanceImport, OrganisationsImport } from './organisations.types.js';

type Trx = Transaction<Database> | Kysely<Database>;

/** Upserts sectors and organisations by slug; returns slug → id maps for later references. */
export async function writeOrganisations(
  trx: Trx,
  regionId: number,
  data: OrganisationsImport,
): Promise<{ organisations: Map<string, number>; sectors: Map<string, number> }> {
  const sectorRows = await trx
    .insertInto('sector')
    .values(
      data.sectors.map((s, position) => ({
        region_id: regionId,
        slug: s.slug,
        name: s.name,
        position,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['region_id', 'slug']).doUpdateSet(setExcluded(['name', 'position'])),
    )
    .returning(['id', 'slug'])
    .execute();
  const sectors = new Map(sectorRows.map((r) => [r.slug, r.id]));
  const orgRows = await trx
    .insertInto('organisation')
    .values(
      data.organisations.map((o) => ({
        region_id: regionId,
        slug: o.slug,
        name: o.name,
        short_name: o.short_name ?? null,
        aliases: json(o.aliases),
        is_group: o.is_group,
        sector_id: o.sector ? (sectors.get(o.sector) ?? null) : null,
        description: o.description ?? null,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'slug'])
        .doUpdateSet(
          setExcluded(['name', 'short_name', 'aliases', 'is_group', 'sector_id', 'description']),
        ),
    )
    .returning(['id', 'slug'])
    .execute();
  const organisations = new Map(orgRows.map((r) => [r.slug, r.id]));
  await trx
    .deleteFrom('organisation')
    .where('region_id', '=', regionId)
    .where('slug', 'not in', [...organisations.keys()])
    .execute();
  await writeMemberships(trx, regionId, data, organisations, sectors);
  await trx
    .deleteFrom('sector')
    .where('region_id', '=', regionId)
    .where('slug', 'not in', [...sectors.keys()])
    .execute();
  return { organisations, sectors };
}

async function writeMemberships(
  trx: Trx,
  regionId: number,
  data: OrganisationsImport,
  organisations: Map<string, number>,
  sectors: Map<string, number>,
): Promise<void> {
  await trx
    .deleteFrom('coalition_membership')
    .where(
      'sector_id',
      'in',
      trx.selectFrom('sector').select('id').where('region_id', '=', regionId),
    )
    .execute();
  const rows = data.sectors.flatMap((sector) =>
    (['leidend', 'breed'] as const).flatMap((coalition) =>
      sector[coalition].map((slug) => ({
        organisation_id: organisations.get(slug) ?? -1,
        sector_id: sectors.get(sector.slug) ?? -1,
        coalition,
      })),
    ),
  );
  if (rows.length > 0) {
    await trx
      .insertInto('coalition_membership')
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Replaces the governance bodies and their roles of one region. */
export async function writeGovernance(
  trx: Trx,
  regionId: number,
  data: GovernanceImport,
  refs: { organisations: Map<string, number>; themes: Map<string, number> },
): Promise<void> {
  const bodyRows = await trx
    .insertInto('governance_body')
    .values(
      data.bodies.map((b, position) => ({
        region_id: regionId,
        slug: b.slug,
        name: b.name,
        kind: b.kind,
        theme_id: b.theme ? (refs.themes.get(b.theme) ?? null) : null,
        motto: b.motto ?? null,
        description: json(b.description),
        work_agenda: json(b.work_agenda),
        position,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'slug'])
        .doUpdateSet(
          setExcluded([
            'name',
            'kind',
            'theme_id',
            'motto',
            'description',
            'work_agenda',
            'position',
          ]),
        ),
    )
    .returning(['id', 'slug'])
    .execute();
  const bodies = new Map(bodyRows.map((r) => [r.slug, r.id]));
  await trx
    .deleteFrom('governance_body')
    .where('region_id', '=', regionId)
    .where('slug', 'not in', [...bodies.keys()])
    .execute();
  await trx
    .deleteFrom('governance_role')
    .where('body_id', 'in', [...bodies.values()])
    .execute();
  const roles = data.bodies.flatMap((b) =>
    b.roles.map((r, position) => ({
      body_id: bodies.get(b.slug) ?? -1,
      position,
      role: r.role,
      organisation_id: r.organisation ? (refs.organisations.get(r.organisation) ?? null) : null,
      name: r.name ?? null,
      person: r.person ?? null,
      function: r.function ?? null,
      note: r.note ?? null,
    })),
  );
  if (roles.length > 0) await trx.insertInto('governance_role').values(roles).execute();
}
