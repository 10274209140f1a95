/** Public API of the areas module: CBS-coded areas per region. */

export {
  areaIndex,
  areasChecksum,
  importAreas,
  importAreasFromDirectory,
  listAreas,
} from './areas.service.js';
export { AREA_CODE, AREA_LEVEL_NAMES, type Area, type AreaLevel } from './areas.types.js';
export {
  boundariesForPeriod,
  importBoundariesFromDirectory,
  parseBoundaries,
} from './boundaries.js';
export { subregionAdminRoutes, subregionPublicRoutes } from './subregions.routes.js';
export { importSubregionsFromDirectory, subregionView } from './subregions.service.js';
