/** Public API of the areas module: CBS-coded areas per region. */

export {
  addAreas,
  areaIndex,
  areasChecksum,
  importAreas,
  importAreasFromDirectory,
  listAreas,
} from './areas.service.js';
export {
  AREA_CODE,
  AREA_LEVEL_NAMES,
  AREA_LEVELS,
  type Area,
  type AreaInput,
  type AreaLevel,
  codeRangeOf,
  levelOfCode,
  postcodeAreaCode,
} from './areas.types.js';
export {
  boundariesForPeriod,
  importBoundariesFromDirectory,
  parseBoundaries,
} from './boundaries.js';
export {
  type AreaPeriod,
  type BoundaryGap,
  boundaryGapMessage,
  boundaryGaps,
  boundaryYearChanges,
  boundaryYearFor,
  type LevelBoundaryYears,
  periodYear,
} from './boundary-years.js';
export { boundaryYearRoutes } from './boundary-years.routes.js';
export { subregionAdminRoutes, subregionPublicRoutes } from './subregions.routes.js';
export { importSubregionsFromDirectory, subregionView } from './subregions.service.js';
