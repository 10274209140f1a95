/** Public API of the directory module (Hulpwijzer, Open Referral HSDS 3.0). */

export { directoryRoutes } from './directory.routes.js';
export { importDirectoryFromDirectory } from './directory.seed.js';
export { directoryEditorRoutes } from './directory-editor.routes.js';
export { directoryWorkspaceNotices } from './directory-editor-read.service.js';
export { directoryReviewRoutes } from './directory-review.routes.js';
export {
  directoryExportRoutes,
  directoryTransferAdminRoutes,
} from './directory-transfer.routes.js';
export {
  HSDS_PAGE_LIMITS,
  HSDS_PARAMETERS,
  HSDS_QUERY_RULES,
  hsdsApi,
  ORGANIZATION_SERVICES,
} from './hsds.api.js';
export type { HsdsService } from './hsds.presenter.js';
export { hsdsServicesOfRegion } from './hsds.service.js';
export { DIRECTORY_TABLES } from './hsds-tables.js';
export { EXPORT_PATHS as DIRECTORY_EXPORT_PATHS } from './transfer.types.js';
