/** Public API of the plan module. Other modules import only from here. */
export type { GovernanceData, OrganisationsData, BlockT } from './plan-files.schema.js';
export { loadPlanFiles } from './plan-files.js';
export { importPlan, importPlanFromDirectory, type ImportOutcome } from './plan-import.service.js';
export type { PlanFileError, PlanFiles } from './plan.types.js';
