/** Public API of the datawerkplaats module: figures per area as maps and tables (issue 4). */

export { datawerkplaatsRoutes } from './datawerkplaats.routes.js';
export {
  datawerkplaatsApi,
  type LevelAreasBody,
  type MapApiBody,
  type MapFigureGroups,
} from './map.api.js';
export { MAP_LEVELS, mapData } from './map.service.js';
