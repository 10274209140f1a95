/**
 * What the editors read: their overview (listings with the age of their check), one listing with
 * its history, the beheerders' review queue, and the notices on the signed-in start page (the
 * "reminder": Marke sends no e-mail, ADR 0018).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import type { SessionUser } from '../auth/index.js';
import {
  canCreateOrganization,
  canEditListing,
  canModerate,
  editorScope,
} from './directory.policy.js';
import { loadEditorRefs } from './directory-editor.form.js';
import * as repo from './directory-editor.repository.js';
import { assurerOf, organizationChoices } from './directory-editor.service.js';
import { UUID } from './directory-editor.types.js';
import { listingFormValues, previewHit } from './directory-editor.values.js';
import {
  type CardBackground,
  isEmptyContact,
  keptContact,
  NO_BACKGROUND,
} from './directory-editor-parts.js';
import * as orgRepo from './directory-organizations.repository.js';
import { servicePlaces } from './search.repository.js';
import { contactRowsOf, type ServiceContact, type ServiceHit } from './search.service.js';

type Db = Kysely<Database>;

/** The overview: the user's directory organisations and listings, oldest check first. */
export async function editorOverview(db: Db, user: SessionUser) {
  const scope = editorScope(user);
  if (scope.kind === 'none' || scope.kind === 'no-organisation')
    return {
      scope,
      organizations: [],
      listings: [],
      createOrganization: canCreateOrganization(user, 0),
    };
  const plan = scope.kind === 'organisation' ? scope.planOrganisationId : null;
  const [organizations, listings] = await Promise.all([
    orgRepo.listOrganizations(db, user.regionId, plan),
    repo.listListings(db, user.regionId, plan),
  ]);
  return {
    scope,
    organizations,
    listings,
    createOrganization: canCreateOrganization(user, organizations.length),
  };
}
export type EditorOverview = Awaited<ReturnType<typeof editorOverview>>;

/** One listing for its signed-in page, with what the user may do and its recent history. */
export async function listingForEditor(db: Db, user: SessionUser, id: string) {
  if (!UUID.test(id)) return err('NotFound' as const);
  const listing = await repo.findListing(db, id);
  if (!listing || listing.region_id !== user.regionId) return err('NotFound' as const);
  if (!canEditListing(user, listing)) return err('Forbidden' as const);
  return ok({
    listing,
    canModerate: canModerate(user, listing),
    history: await repo.listMetadata(db, id),
  });
}
export type ListingPageData = Extract<
  Awaited<ReturnType<typeof listingForEditor>>,
  { ok: true }
>['value'];

/** The beheerders' queue: handed in, and changed after approval. */
export async function reviewQueueFor(db: Db, user: SessionUser) {
  return canModerate(user) ? repo.reviewQueue(db, user.regionId) : [];
}

/**
 * Start-page notices by workspace link: how many of the user's listings need a check, and (for
 * beheerders) how many wait for a review. The auth module shows them beside its links.
 */
export function directoryWorkspaceNotices(db: Db) {
  return async (user: SessionUser): Promise<Map<string, string>> => {
    const notices = new Map<string, string>();
    const scope = editorScope(user);
    if (scope.kind === 'organisation' || scope.kind === 'all') {
      const plan = scope.kind === 'organisation' ? scope.planOrganisationId : null;
      const due = await repo.countDueForCheck(db, user.regionId, plan);
      if (due > 0)
        notices.set(
          '/beheer/hulpwijzer',
          due === 1
            ? '1 vermelding moet gecontroleerd worden.'
            : `${due} vermeldingen moeten gecontroleerd worden.`,
        );
    }
    if (canModerate(user)) {
      const waiting = await repo.countReviewQueue(db, user.regionId);
      if (waiting > 0)
        notices.set(
          '/beheer/hulpwijzer/beoordelen',
          waiting === 1
            ? '1 vermelding wacht op beoordeling.'
            : `${waiting} vermeldingen wachten op beoordeling.`,
        );
    }
    return notices;
  };
}

/** The listing's organisation, places and contact rows, read as the resident card reads them. */
async function cardBackground(
  db: Db,
  serviceId: string | null,
  organizationId: string | null,
): Promise<CardBackground> {
  if (!serviceId && !organizationId) return NO_BACKGROUND;
  const [places, organization] = await Promise.all([
    serviceId ? servicePlaces(db, [serviceId]) : [],
    organizationId ? orgRepo.findOrganization(db, organizationId) : undefined,
  ]);
  const rows = await contactRowsOf(
    db,
    serviceId ? [serviceId] : [],
    places,
    organization ? [organization.id] : [],
  );
  return {
    organization: organization
      ? { id: organization.id, email: organization.email, website: organization.website }
      : null,
    places,
    rows,
  };
}

/**
 * The resident card of a form as it stands: with the organisation, check date and source the
 * listing will have once the user saves it, and everything else the card shows (the
 * organisation's contact, the listing's imported phones, times and places). `kept` is what the
 * listing holds that the form does not write, for the form to show read-only.
 */
export async function previewFor(
  db: Db,
  user: SessionUser,
  fields: Record<string, string>,
  existing: repo.ListingDetail | null,
): Promise<{ card: ServiceHit; kept: ServiceContact | null }> {
  const [refs, choices] = await Promise.all([
    loadEditorRefs(db, user.regionId),
    organizationChoices(db, user),
  ]);
  const organization =
    choices.find((o) => o.id === fields.organisatie) ??
    (existing ? { id: existing.organization_id, name: existing.organization_name } : choices[0]);
  const moderator = canModerate(user);
  const assurer = moderator ? null : await assurerOf(db, user);
  const background = await cardBackground(db, existing?.id ?? null, organization?.id ?? null);
  const card = previewHit(
    fields,
    refs,
    {
      id: existing?.id ?? 'voorbeeld',
      organizationName: organization?.name ?? '',
      isDemo: existing?.is_demo ?? false,
      assuredDate: assurer ? await repo.checkDay(db) : (existing?.assured_date ?? null),
      source: assurer
        ? `Opgegeven door ${assurer}.`
        : (existing?.sources[0] ?? 'Ingevoerd door het programmateam.'),
    },
    background,
  );
  const kept = existing ? keptContact(background, existing.id) : null;
  return { card, kept: kept && !isEmptyContact(kept) ? kept : null };
}

/** The card of a saved listing, as residents see it. */
export async function savedCard(db: Db, user: SessionUser, listing: repo.ListingDetail) {
  const [refs, background] = await Promise.all([
    loadEditorRefs(db, user.regionId),
    cardBackground(db, listing.id, listing.organization_id),
  ]);
  return previewHit(
    listingFormValues(listing),
    refs,
    {
      id: listing.id,
      organizationName: listing.organization_name,
      isDemo: listing.is_demo,
      assuredDate: listing.assured_date,
      source: listing.sources[0] ?? null,
    },
    background,
  );
}
