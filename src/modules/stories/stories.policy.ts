/**
 * Who may do what with stories, process notes and panel results. The coarse rights come from the
 * auth policy (`can`); the rules about one's own organisation and a story's status live here.
 */
import { can, type SessionUser } from '../auth/index.js';
import type { StoryStatus } from './stories.types.js';

type StoryRef = { region_id: number; organisation_id: number | null; status: StoryStatus };

/** Readers who are not the writing organisation see only what was handed in or published. */
export const SUBMITTED: readonly StoryStatus[] = ['ingediend', 'gepubliceerd'];

export type StoryScope =
  | { kind: 'all' }
  | { kind: 'organisation'; organisationId: number }
  | { kind: 'submitted' }
  | { kind: 'none' };

/** Which stories the list shows: beheerders all, redacteuren their organisation's, others submitted ones. */
export function storyScope(user: SessionUser | undefined): StoryScope {
  if (!user || !can(user, 'monitoring:read')) return { kind: 'none' };
  if (can(user, 'stories:publish')) return { kind: 'all' };
  if (can(user, 'stories:write'))
    return user.organisationId === null
      ? { kind: 'none' }
      : { kind: 'organisation', organisationId: user.organisationId };
  return { kind: 'submitted' };
}

/** True when the story is in the user's list (and so its page may open). */
export function canViewStory(user: SessionUser | undefined, story: StoryRef): boolean {
  if (!user || story.region_id !== user.regionId) return false;
  const scope = storyScope(user);
  if (scope.kind === 'all') return true;
  if (scope.kind === 'organisation') return story.organisation_id === scope.organisationId;
  return scope.kind === 'submitted' && SUBMITTED.includes(story.status);
}

export type CreateRight = 'ok' | 'forbidden' | 'no-organisation';

/** Redacteuren write for their organisation, so one without an organisation cannot start yet. */
export function canCreateStory(user: SessionUser | undefined): CreateRight {
  if (!user || !can(user, 'stories:write')) return 'forbidden';
  if (can(user, 'stories:publish')) return 'ok';
  return user.organisationId === null ? 'no-organisation' : 'ok';
}

/** Beheerders edit every story; redacteuren their organisation's, as long as it is not published. */
export function canEditStory(user: SessionUser | undefined, story: StoryRef): boolean {
  if (!user || story.region_id !== user.regionId || !can(user, 'stories:write')) return false;
  if (can(user, 'stories:publish')) return true;
  return (
    user.organisationId !== null &&
    story.organisation_id === user.organisationId &&
    story.status !== 'gepubliceerd'
  );
}

/** Publishing and rejecting is the programme team's decision. */
export function canPublishStory(user: SessionUser | undefined, story?: StoryRef): boolean {
  return can(user, 'stories:publish') && (!story || story.region_id === user?.regionId);
}

/**
 * Process-evaluation notes are written by the programme team that runs the monitoring cycle
 * (`rounds:manage`, beheerders); every signed-in role may read them.
 */
export function canWriteNotes(user: SessionUser | undefined): boolean {
  return can(user, 'rounds:manage');
}

/** Panel questions and their results are figures: beheerders and data stewards load them. */
export function canManagePanel(user: SessionUser | undefined): boolean {
  return can(user, 'measurements:import');
}

/** Everyone signed in may read stories handed in, notes and panel results. */
export function canReadMonitoring(user: SessionUser | undefined): boolean {
  return can(user, 'monitoring:read');
}
