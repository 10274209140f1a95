/** Public API of the imports module: staged, all-or-nothing file imports with a preview. */

export {
  applyStaged,
  checksumOf,
  discardStaged,
  listImports,
  loadStaged,
  PREVIEW_HOURS,
  type PreviousImport,
  type StagedError,
  stageImport,
} from './imports.service.js';
export type { CellProblem } from './imports.types.js';
export { findPersonLevel, type PersonLevelFinding, passesElfproef } from './person-level.js';
export { ProblemTable } from './views/problems.js';
