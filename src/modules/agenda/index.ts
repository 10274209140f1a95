/** Public API of the werkagenda module. */

export { agendaApi } from './agenda.api.js';
export {
  applyAgendaDecision,
  currentPlanning,
  type DecisionInput,
  latestAgendaUpdates,
} from './agenda.decisions.js';
export { agendaAdminRoutes, agendaRoutes } from './agenda.routes.js';
export { getAgenda, rollUp, saveAgendaItem } from './agenda.service.js';
export {
  PERIOD_MESSAGE,
  PERIOD_PATTERN,
  PRIORITIES,
  periodsInOrder,
  ROLLUP_RULE,
  STATUSES,
} from './agenda.types.js';
export { agendaForPlan } from './agenda-plan.service.js';
