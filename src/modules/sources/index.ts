/** Public API of the sources module: the catalogue of data sources and their disclosure rules. */

export { sourceAdminRoutes, sourcePublicRoutes } from './sources.routes.js';
export {
  canManageSources,
  importMappingOf,
  importSourcesFromDirectory,
  listSources,
  policiesById,
  saveImportMapping,
  sourceIdsByCode,
  updateSourcePolicy,
} from './sources.service.js';
export type { DataSource } from './sources.types.js';
