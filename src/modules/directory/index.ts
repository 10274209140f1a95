/** Public API of the directory module (Hulpwijzer, Open Referral HSDS 3.0). */

export { directoryRoutes } from './directory.routes.js';
export { importDirectoryFromDirectory } from './directory.seed.js';
export { directoryEditorRoutes } from './directory-editor.routes.js';
export { directoryWorkspaceNotices } from './directory-editor-read.service.js';
export { directoryReviewRoutes } from './directory-review.routes.js';
