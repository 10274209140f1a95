/** Public API of the disclosure module: the one place that decides which figures may be shown. */

export {
  areaGroups,
  areaPartitionGroups,
  decideSuppression,
  disclose,
  discloseCells,
  type Group,
  observations,
  periodGroups,
  roundCell,
} from './disclosure.service.js';
export { suppressionReason } from './disclosure.sql.js';
export {
  type Cell,
  DEFAULT_POLICY,
  type DisclosedCell,
  type DisclosurePolicy,
  SUPPRESSED_TEXT,
  type Suppression,
} from './disclosure.types.js';
export { SHOWN_FIGURE_FIELDS, syncShownFigures } from './shown-figure.sql.js';
