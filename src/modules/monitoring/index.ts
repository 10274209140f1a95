/** Public API of the monitoring module: evidence cards, the overview, rounds and reports. */

export { monitoringRoutes } from './monitoring.routes.js';
export { roundAdminRoutes } from './rounds.routes.js';
