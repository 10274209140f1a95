/** Types of the organisations module: coalition, sectors, governance. */
import type { GovernanceData, OrganisationsData } from '../plan/index.js';

export type OrganisationsImport = OrganisationsData;
export type GovernanceImport = GovernanceData;
