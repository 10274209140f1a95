/**
 * Public API of the stories module: stories (verhalen), process-evaluation notes and citizens'
 * panel results. The monitoring round reads evidence through the list functions below.
 */

export { panelAdminRoutes } from './panel.routes.js';
export {
  listPanelResults,
  type PanelDistribution,
  type PanelQuestionView,
  PROTECTED_TEXT,
  SUPPRESSED_TEXT,
} from './panel-results.service.js';
export { processNoteRoutes } from './process-notes.routes.js';
export type { Note } from './process-notes.service.js';
export { listProcessNotes } from './process-notes.service.js';
export { storiesApi } from './stories.api.js';
export {
  checkPrivacy,
  hasBlockingFlags,
  type KnownNames,
  type PrivacyFlag,
} from './stories.privacy.js';
export { storyAdminRoutes } from './stories.routes.js';
export { PANEL_MIN_RESPONDENTS, STORY_ROLES, TARGET_GROUPS } from './stories.types.js';
export { storyPublicRoutes } from './stories-public.routes.js';
export {
  getStory,
  listPublishedStories,
  type PublicStory,
  type StoryDetail,
} from './stories-view.service.js';
