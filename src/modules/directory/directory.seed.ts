/**
 * Loads the Hulpwijzer's profile and a region's listing files on start (when changed): the real
 * listings (`hulpwijzer.yaml`) and the demo listings (`hulpwijzer-voorbeelden.yaml`, is_demo).
 * Rows a person changed since the seed are left alone (ADR 0016).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { parse as parseYaml } from 'yaml';
import type { ZodType } from 'zod';
import { writeAudit } from '../../db/audit.js';
import type { Database } from '../../db/schema.js';
import { readChangedSeedFile, seedFileChecksum, setSeedFileChecksum } from '../../db/seed-file.js';
import { err, ok, type Result } from '../../lib/result.js';
import { areaIndex } from '../areas/index.js';
import { organisationIdsBySlug } from '../organisations/index.js';
import { bumpDataVersion, goalIndex, initiativeNames } from '../plan/index.js';
import {
  type DemoListings,
  DemoListingsFile,
  type Listings,
  ListingsFile,
  type OrganizationDraft,
  type ServiceDraft,
} from './directory.types.js';
import { stableId, termId } from './directory-ids.js';
import * as repo from './directory-seed.repository.js';
import {
  LADDER_TAXONOMY,
  loadProfile,
  NEED_TAXONOMY,
  PROFILE_TAXONOMY,
  profileRows,
} from './profile.js';

type Db = Kysely<Database>;
type Draft = { organizations: OrganizationDraft[]; services: ServiceDraft[] };

export const LISTINGS_FILE = 'hulpwijzer.yaml';
export const DEMO_FILE = 'hulpwijzer-voorbeelden.yaml';
const PROFILE_MARKER = 'hulpwijzer/profiel.yaml';

/** Profile, real listings and demo listings of a region directory; the number of services loaded. */
export async function importDirectoryFromDirectory(
  db: Db,
  region: { id: number; code: string },
  dir: string,
  actor: string,
): Promise<Result<number, string[]>> {
  await seedProfile(db, region.id, actor);
  let loaded = 0;
  for (const [file, build] of [
    [LISTINGS_FILE, buildListings],
    [DEMO_FILE, buildDemoListings],
  ] as const) {
    const changed = await readChangedSeedFile(db, region.id, dir, file);
    if (!changed) continue;
    const draft = await build(db, region, changed.bytes);
    if (!draft.ok) return draft;
    loaded += await writeDraft(db, region.id, file, draft.value, actor, changed.checksum);
  }
  return ok(loaded);
}

async function seedProfile(db: Db, regionId: number, actor: string): Promise<void> {
  const { bytes, profile } = loadProfile();
  const checksum = createHash('sha256').update(bytes).digest('hex');
  if ((await seedFileChecksum(db, regionId, PROFILE_MARKER)) === checksum) return;
  const { taxonomies, terms } = profileRows(profile);
  await db.transaction().execute(async (trx) => {
    const removed = await repo.upsertProfile(trx, taxonomies, terms);
    if (removed.length > 0)
      await writeAudit(trx, {
        actor,
        action: 'hulpwijzer.profiel',
        entityType: 'hulpwijzer',
        entityKey: PROFILE_MARKER,
        regionId,
        before: { terms: removed },
        after: null,
      });
    await setSeedFileChecksum(trx, regionId, PROFILE_MARKER, checksum);
    await bumpDataVersion(trx);
  });
}

function parseFile<T>(file: string, bytes: Buffer, schema: ZodType<T>): Result<T, string[]> {
  let raw: unknown;
  try {
    raw = parseYaml(bytes.toString('utf8'));
  } catch (error) {
    return err([`${file}: geen geldige YAML (${(error as Error).message}).`]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return err(parsed.error.issues.map((i) => `${file} › ${i.path.join('.')}: ${i.message}`));
  return ok(parsed.data);
}

async function buildListings(
  db: Db,
  region: { id: number; code: string },
  bytes: Buffer,
): Promise<Result<Draft, string[]>> {
  const parsed = parseFile(LISTINGS_FILE, bytes, ListingsFile);
  if (!parsed.ok) return parsed;
  const known = await knownReferences(db, region.id);
  const errors = checkListings(parsed.value, known);
  if (errors.length > 0) return err(errors.map((e) => `${LISTINGS_FILE}: ${e}`));
  const orgId = (key: string) => stableId('organization', region.code, key);
  const organizations = parsed.value.organisaties.map((o) => ({
    id: orgId(o.sleutel),
    name: o.naam,
    description: o.beschrijving,
    planOrganisationId: o.plan ? (known.organisations.get(o.plan) ?? null) : null,
    isDemo: false,
  }));
  const services = parsed.value.diensten.map(
    (s): ServiceDraft => ({
      id: stableId('service', region.code, s.sleutel),
      organizationId: orgId(s.organisatie),
      name: s.naam,
      description: s.beschrijving,
      eligibility: s.voor_wie ?? null,
      fees: s.kosten ?? null,
      ladder: s.ladder,
      needs: s.hulpvragen,
      areas: s.gebieden,
      goals: s.doelen,
      initiatives: s.initiatieven,
      source: s.bron,
      // Checked against the plan, not by the organisation: no assured date until an editor says so.
      assuredDate: null,
      isDemo: false,
    }),
  );
  return ok({ organizations, services });
}

type Known = Awaited<ReturnType<typeof knownReferences>>;

async function knownReferences(db: Db, regionId: number) {
  const [goals, initiatives, organisations, areas] = await Promise.all([
    goalIndex(db, regionId),
    initiativeNames(db, regionId),
    organisationIdsBySlug(db, regionId),
    areaIndex(db, regionId),
  ]);
  const needs = new Set(loadProfile().profile.needs.map((n) => n.code));
  return { goals, initiatives, organisations, areas, needs };
}

function checkListings(listings: Listings, known: Known): string[] {
  const errors: string[] = [];
  const orgKeys = listings.organisaties.map((o) => o.sleutel);
  const serviceKeys = listings.diensten.map((s) => s.sleutel);
  for (const [kind, keys] of [
    ['organisatie', orgKeys],
    ['dienst', serviceKeys],
  ] as const)
    for (const key of twice(keys)) errors.push(`de ${kind} ${key} staat er twee keer in.`);
  for (const o of listings.organisaties)
    if (o.plan && !known.organisations.has(o.plan))
      errors.push(`organisatie ${o.sleutel}: ${o.plan} is geen organisatie van het plan.`);
  for (const s of listings.diensten) {
    const where = `dienst ${s.sleutel}`;
    if (!orgKeys.includes(s.organisatie))
      errors.push(`${where}: organisatie ${s.organisatie} staat niet onder organisaties.`);
    errors.push(...checkNeeds(where, s.hulpvragen, known));
    errors.push(...checkAreas(where, s.gebieden, known));
    errors.push(
      ...namedTwice(where, 'doel', s.doelen),
      ...namedTwice(where, 'initiatief', s.initiatieven),
    );
    for (const goal of s.doelen.filter((g) => !known.goals.has(g)))
      errors.push(`${where}: doel ${goal} staat niet in het plan.`);
    for (const slug of s.initiatieven.filter((i) => !known.initiatives.has(i)))
      errors.push(`${where}: initiatief ${slug} staat niet in initiatives.yaml.`);
  }
  return errors;
}

/** The values that occur more than once, each once. */
function twice(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** A value listed twice would be written twice (one attribute or area row each): refused. */
function namedTwice(where: string, label: string, values: readonly string[]): string[] {
  return twice(values).map((v) => `${where}: ${label} ${v} staat er twee keer in.`);
}

function checkNeeds(where: string, needs: string[], known: Known): string[] {
  return [
    ...needs
      .filter((n) => !known.needs.has(n))
      .map((n) => `${where}: hulpvraag ${n} staat niet in het profiel.`),
    ...namedTwice(where, 'hulpvraag', needs),
  ];
}

function checkAreas(where: string, areas: string[], known: Known): string[] {
  return [
    ...areas
      .filter((code) => code !== 'regio' && code !== 'online')
      .filter((code) => !known.areas.get(code)?.inRegion)
      .map((code) => `${where}: gebied ${code} hoort niet bij de regio.`),
    ...namedTwice(where, 'gebied', areas),
  ];
}

async function buildDemoListings(
  db: Db,
  region: { id: number; code: string },
  bytes: Buffer,
): Promise<Result<Draft, string[]>> {
  const parsed = parseFile(DEMO_FILE, bytes, DemoListingsFile);
  if (!parsed.ok) return parsed;
  const known = await knownReferences(db, region.id);
  const demo: DemoListings = parsed.value;
  const errors = [
    ...[...demo.per_gemeente, ...demo.regio].flatMap((s) =>
      checkNeeds(`voorbeeld ${s.sleutel}`, s.hulpvragen, known),
    ),
    ...demo.regio.flatMap((s) => checkAreas(`voorbeeld ${s.sleutel}`, s.gebieden, known)),
  ];
  if (errors.length > 0) return err(errors.map((e) => `${DEMO_FILE}: ${e}`));
  const organizationId = stableId('organization', region.code, 'voorbeeld');
  const gemeenten = [...known.areas.values()].filter((a) => a.level === 'gemeente' && a.inRegion);
  const draft = (
    s: DemoListings['per_gemeente'][number],
    key: string,
    areas: string[],
    fill: (text: string) => string,
  ): ServiceDraft => ({
    id: stableId('service', region.code, 'voorbeeld', key),
    organizationId,
    name: fill(s.naam),
    description: fill(s.beschrijving),
    eligibility: s.voor_wie ? fill(s.voor_wie) : null,
    fees: s.kosten ?? null,
    ladder: s.ladder,
    needs: s.hulpvragen,
    areas,
    goals: [],
    initiatives: [],
    source: 'Voorbeeld, verzonnen om de Hulpwijzer te laten zien.',
    assuredDate: null,
    isDemo: true,
  });
  const services = [
    ...demo.per_gemeente.flatMap((s) =>
      gemeenten.map((g) =>
        draft(s, `${s.sleutel}-${g.code}`, [g.code], (t) => t.replaceAll('{gemeente}', g.name)),
      ),
    ),
    ...demo.regio.map((s) => draft(s, s.sleutel, s.gebieden, (t) => t)),
  ];
  const organization = {
    id: organizationId,
    name: demo.organisatie.naam,
    description: demo.organisatie.beschrijving,
    planOrganisationId: null,
    isDemo: true,
  };
  return ok({ organizations: [organization], services });
}

async function writeDraft(
  db: Db,
  regionId: number,
  file: string,
  draft: Draft,
  actor: string,
  checksum: string,
): Promise<number> {
  const ids = [...draft.organizations.map((o) => o.id), ...draft.services.map((s) => s.id)];
  const edited = await repo.editedIds(db, regionId, ids);
  const profileTerm = (code: string) => termId(PROFILE_TAXONOMY, code);
  return db.transaction().execute(async (trx) => {
    await repo.deleteSeeded(trx, regionId, file, ids);
    for (const org of draft.organizations.filter((o) => !edited.has(o.id)))
      await repo.upsertOrganization(trx, regionId, file, org);
    const services = draft.services.filter((s) => !edited.has(s.id));
    for (const service of services)
      await repo.upsertService(trx, regionId, file, service, {
        ladder: termId(LADDER_TAXONOMY, service.ladder),
        needs: service.needs.map((n) => termId(NEED_TAXONOMY, n)),
        profile: profileTerm,
      });
    await writeAudit(trx, {
      actor,
      action: 'hulpwijzer.seed',
      entityType: 'hulpwijzer',
      entityKey: file,
      regionId,
      before: null,
      after: { services: services.length, skippedEdited: draft.services.length - services.length },
    });
    await setSeedFileChecksum(trx, regionId, file, checksum);
    await bumpDataVersion(trx);
    return services.length;
  });
}
