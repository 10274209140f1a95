/** Public API of the organisations module: coalition, sectors and governance. */
export { writeGovernance, writeOrganisations } from './organisations-import.repository.js';
export type { GovernanceImport, OrganisationsImport } from './organisations.types.js';
