/** Public API of the directory module (Hulpwijzer, Open Referral HSDS 3.0). */

export { DEMO_FILE, importDirectoryFromDirectory, LISTINGS_FILE } from './directory.seed.js';
