/** Public API of the directory module (Hulpwijzer, Open Referral HSDS 3.0). */

export { directoryRoutes } from './directory.routes.js';
export { DEMO_FILE, importDirectoryFromDirectory, LISTINGS_FILE } from './directory.seed.js';
