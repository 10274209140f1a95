/** Public API of the organisations module: coalition, sectors and governance. */

export { organisationRoutes } from './organisations.routes.js';
export {
  getGovernance,
  getOrganisation,
  listBySector,
  organisationIdsBySlug,
} from './organisations.service.js';
export type { GovernanceImport, OrganisationsImport } from './organisations.types.js';
export { writeGovernance, writeOrganisations } from './organisations-import.repository.js';
