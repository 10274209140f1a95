/** Public API of the indicators module: indicators, targets, measurements and their status. */

export { indicatorsApi } from './indicators.api.js';
export { ensureSuppressionCurrent, refreshSuppression } from './indicators.disclosure.js';
export { indicatorRoutes, publicScope } from './indicators.routes.js';
export { importIndicatorsFromDirectory } from './indicators.seed.js';
export {
  figuresForAreas,
  getIndicator,
  type IndicatorSummary,
  indicatorsForGoals,
  indicatorsWithFiguresAt,
  listIndicatorSummaries,
  type Measurement,
} from './indicators.service.js';
export {
  periodToYear,
  STATUS_LABELS,
  STATUS_RULE,
  type TargetStatus,
} from './indicators.status.js';
export { indicatorAdminRoutes } from './indicators-admin.routes.js';
export {
  areasWithFigures,
  figureCoverage,
  figuresAtLevel,
  figuresJsonAtLevel,
  figuresOfAreas,
  isInside,
  regionAreas,
} from './indicators-map.service.js';
export { measurementAdminRoutes } from './measurements.routes.js';
export { applyMeasurements, stageMeasurements } from './measurements-import.service.js';
export { formatValue, targetText } from './views/indicator-parts.js';
export { IndicatorTable, StatusRule } from './views/indicators.js';
