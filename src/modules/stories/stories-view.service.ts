/**
 * Stories as pages, the API and other modules see them: names instead of codes, Dutch dates, and
 * for the public only published stories without consent details or who wrote them down.
 */

import type { Kysely } from 'kysely';
import { isRowId } from '../../db/ids.js';
import type { Database } from '../../db/schema.js';
import { dutchDate } from '../../lib/dutch-date.js';
import { err, ok, type Result } from '../../lib/result.js';
import type { PublishedFilter, StoryRow } from './stories.repository.js';
import * as repo from './stories.repository.js';
import {
  CONSENT_BY,
  CONSENT_METHODS,
  type ConsentBy,
  type ConsentMethod,
  type PublicStoryFilterInput,
  STORY_ROLES,
  type StoryRole,
  type StoryStatus,
  TARGET_GROUPS,
  type TargetGroup,
} from './stories.types.js';
import { loadStoryRefs, type StoryRefs } from './stories-form.service.js';

type Db = Kysely<Database>;

export type PublicStory = {
  id: number;
  text: string;
  role: StoryRole;
  roleLabel: string;
  toldOn: string;
  dateLabel: string;
  area: { code: string; name: string; level: string };
  opgaven: Array<{ slug: string; name: string }>;
  goals: string[];
  targetGroups: Array<{ slug: string; label: string }>;
  isDemo: boolean;
};

/**
 * The organisation that wrote a story down stays internal: with a small wijk and the role
 * "professional" it could make the teller recognisable.
 */
export type StoryDetail = PublicStory & {
  regionId: number;
  organisationId: number | null;
  organisation: string | null;
  status: StoryStatus;
  rejectionReason: string | null;
  consent: {
    by: ConsentBy;
    byLabel: string;
    method: ConsentMethod;
    methodLabel: string;
    recordedBy: string;
    on: string;
  };
  privacyConfirmed: boolean;
  publishedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
};

/** The public face of a story row: names for codes, no consent details. */
export function toPublicStory(row: StoryRow, refs: StoryRefs): PublicStory {
  const area = refs.areas.get(row.area_code);
  return {
    id: row.id,
    text: row.text,
    role: row.role,
    roleLabel: STORY_ROLES[row.role],
    toldOn: row.told_on,
    dateLabel: dutchDate(row.told_on),
    area: { code: row.area_code, name: area?.name ?? row.area_code, level: area?.level ?? '' },
    opgaven: refs.opgaven
      .filter((o) => row.opgave_slugs.includes(o.slug))
      .map((o) => ({ slug: o.slug, name: o.name })),
    goals: row.goal_codes,
    targetGroups: row.target_groups.map((slug) => ({
      slug,
      label: TARGET_GROUPS[slug as TargetGroup] ?? slug,
    })),
    isDemo: row.is_demo,
  };
}

/** Everything about one story, for signed-in pages and for other modules (check status yourself). */
export function toStoryDetail(row: StoryRow, refs: StoryRefs): StoryDetail {
  return {
    ...toPublicStory(row, refs),
    regionId: row.region_id,
    organisationId: row.organisation_id,
    organisation: row.organisation_name,
    status: row.status,
    rejectionReason: row.rejection_reason,
    consent: {
      by: row.consent_by,
      byLabel: CONSENT_BY[row.consent_by],
      method: row.consent_method,
      methodLabel: CONSENT_METHODS[row.consent_method],
      recordedBy: row.consent_recorded_by,
      on: row.consent_on,
    },
    privacyConfirmed: row.privacy_confirmed,
    publishedAt: row.published_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Published stories of a region, newest first; for the monitoring round's evidence cards
 * (by opgave or goal; a strategic goal includes its operational goals) and the public page.
 */
export async function listPublishedStories(
  db: Db,
  regionId: number,
  filter: PublishedFilter = {},
): Promise<PublicStory[]> {
  const [rows, refs] = await Promise.all([
    repo.listPublished(db, regionId, filter),
    loadStoryRefs(db, regionId),
  ]);
  return rows.map((row) => toPublicStory(row, refs));
}

/** One story by id in any status (NotFound when absent); the caller decides who may see it. */
export async function getStory(db: Db, id: number): Promise<Result<StoryDetail, 'NotFound'>> {
  if (!isRowId(id)) return err('NotFound');
  const row = await repo.findStory(db, id);
  if (!row) return err('NotFound');
  return ok(toStoryDetail(row, await loadStoryRefs(db, row.region_id)));
}

export const PUBLIC_PAGE_SIZE = 20;

/** One page of the public /verhalen list with the filter's opgave names. */
export async function publicStoriesPage(db: Db, regionId: number, filter: PublicStoryFilterInput) {
  const page = filter.pagina ?? 1;
  const query: PublishedFilter = {
    opgaveSlug: filter.opgave,
    role: filter.rol,
    limit: PUBLIC_PAGE_SIZE,
    offset: (page - 1) * PUBLIC_PAGE_SIZE,
  };
  const [rows, total, refs] = await Promise.all([
    repo.listPublished(db, regionId, query),
    repo.countPublished(db, regionId, query),
    loadStoryRefs(db, regionId),
  ]);
  return {
    stories: rows.map((row) => toPublicStory(row, refs)),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)),
    opgaven: refs.opgaven,
  };
}
