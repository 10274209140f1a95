/** Read services of the organisations module. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import { isSlug } from '../../lib/slug.js';
import * as repo from './organisations.repository.js';

type Db = Kysely<Database>;
type RegionRef = { id: number };

/** Organisations grouped by sector, with their place in the leidende or brede coalitie. */
export async function listBySector(db: Db, region: RegionRef) {
  const [sectors, rows, memberships, counts] = await Promise.all([
    repo.listSectors(db, region.id),
    repo.listOrganisations(db, region.id),
    repo.listMemberships(db, region.id),
    repo.countInitiatorGoals(db, region.id),
  ]);
  const sectorGoals = await repo.listSectorGoals(db, region.id);
  const goalCount = new Map(counts.map((c) => [c.organisation_id, Number(c.goals)]));
  const organisations = rows.map((o) => ({ ...o, goal_count: goalCount.get(o.id) ?? 0 }));
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const groups = sectors.map((sector) => {
    const inSector = memberships.filter((m) => m.sector_id === sector.id);
    const pick = (coalition: 'leidend' | 'breed') =>
      inSector
        .filter((m) => m.coalition === coalition)
        .flatMap((m) => byId.get(m.organisation_id) ?? [])
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const others = organisations.filter(
      (o) => o.sector_id === sector.id && !inSector.some((m) => m.organisation_id === o.id),
    );
    const groupGoals = [
      ...new Set(sectorGoals.filter((g) => g.sector_id === sector.id).map((g) => g.code)),
    ];
    return { sector, leidend: pick('leidend'), breed: pick('breed'), others, groupGoals };
  });
  return {
    groups: groups.filter(
      (g) => g.leidend.length + g.breed.length + g.others.length + g.groupGoals.length > 0,
    ),
    organisations,
    memberships,
  };
}

/** One organisation: coalition places, goals it is named on, programmes and governance roles. */
export async function getOrganisation(db: Db, region: RegionRef, slug: string) {
  if (!isSlug(slug)) return err('NotFound' as const);
  const organisation = await repo.findOrganisation(db, region.id, slug);
  if (!organisation) return err('NotFound' as const);
  const [memberships, goals, programmes, roles, sectorGoals, sectors] = await Promise.all([
    repo.listMemberships(db, region.id),
    repo.listInitiatorGoals(db, organisation.id),
    repo.listPartnerProgrammes(db, organisation.id),
    repo.listOrganisationRoles(db, organisation.id),
    repo.listSectorGoals(db, region.id),
    repo.listSectors(db, region.id),
  ]);
  const own = memberships.filter((m) => m.organisation_id === organisation.id);
  // Goals that name the organisation's whole sector ("Gemeenten") concern it too.
  const sectorIds = new Set([
    ...own.map((m) => m.sector_id),
    ...(organisation.sector_id ? [organisation.sector_id] : []),
  ]);
  const groupGoals = [...sectorIds].flatMap((sectorId) => {
    const codes = [
      ...new Set(sectorGoals.filter((g) => g.sector_id === sectorId).map((g) => g.code)),
    ];
    const sector = sectors.find((s) => s.id === sectorId);
    return sector && codes.length > 0
      ? [{ sector: sector.name, sectorSlug: sector.slug, codes }]
      : [];
  });
  return ok({
    organisation,
    memberships: own,
    groupGoals,
    goals,
    programmes,
    roles,
  });
}

/** Governance bodies with their roles. */
export async function getGovernance(db: Db, region: RegionRef) {
  const [bodies, roles] = await Promise.all([
    repo.listGovernanceBodies(db, region.id),
    repo.listGovernanceRoles(db, region.id),
  ]);
  return bodies.map((body) => ({ ...body, roles: roles.filter((r) => r.body_id === body.id) }));
}

export {
  listGovernanceRoles,
  listMemberships,
  listOrganisations,
  listSectors,
} from './organisations.repository.js';

/** The plan's organisations by slug → id (the Hulpwijzer links its organizations to them). */
export async function organisationIdsBySlug(db: Db, regionId: number) {
  const rows = await repo.listOrganisationSlugs(db, regionId);
  return new Map(rows.map((row) => [row.slug, row.id]));
}
