/** Public API of the werkagenda module. */

export { agendaApi } from './agenda.api.js';
export { agendaAdminRoutes, agendaRoutes } from './agenda.routes.js';
export { getAgenda, rollUp, saveAgendaItem } from './agenda.service.js';
export { agendaForPlan } from './agenda-plan.service.js';
