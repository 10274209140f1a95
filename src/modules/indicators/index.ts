/** Public API of the indicators module: indicators, targets, measurements and their status. */

export { importIndicatorsFromDirectory } from './indicators.seed.js';
export { STATUS_LABELS, STATUS_RULE, type TargetStatus } from './indicators.status.js';
