/** Public API of the plan module. Other modules import only from here. */

export { goalCodeToSegment, parseGoalCode } from './goal-codes.js';
export { planApi } from './plan.api.js';
export { planRoutes } from './plan.routes.js';
export {
  currentDataVersion,
  type GoalIndexEntry,
  getRegion,
  getRegionById,
  goalIndex,
  initiativeNames,
  listRegions,
  type Region,
} from './plan.service.js';
export type {
  AgendaGoalDetail,
  AgendaProvider,
  AgendaRollUp,
  PlanFileError,
  PlanFiles,
} from './plan.types.js';
export {
  csvCell,
  csvCellText,
  EXPORT_ENTITIES,
  exportPlan,
  type PlanExport,
  toCsv,
} from './plan-export.service.js';
export { formatPath, loadPlanFiles } from './plan-files.js';
export type { BlockT, GovernanceData, OrganisationsData } from './plan-files.schema.js';
export {
  GlossaryFile,
  GovernanceFile,
  InitiativesFile,
  OpgaveFile,
  OrganisationsFile,
  ProgrammesFile,
  RegionFile,
  SectionsFile,
} from './plan-files.schema.js';
export { type ImportOutcome, importPlan, importPlanFromDirectory } from './plan-import.service.js';
export { bumpDataVersion } from './plan-import-links.repository.js';
