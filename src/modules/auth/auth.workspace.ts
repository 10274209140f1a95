/**
 * The signed-in start page lists the work each role may do. Each entry names the policy action
 * that guards its page, so the list can never offer a link the policy would refuse.
 */
import { type Action, can } from './auth.policy.js';
import type { SessionUser } from './auth.types.js';

export type WorkspaceLink = { action: Action; href: string; label: string; hint: string };

/**
 * Notices beside the links, by href (e.g. how many listings need a check). Other modules provide
 * them through createApp, because auth may not import them.
 */
export type WorkspaceNotices = (user: SessionUser) => Promise<Map<string, string>>;

export const WORKSPACE_LINKS: readonly WorkspaceLink[] = [
  {
    action: 'users:manage',
    href: '/beheer/gebruikers',
    label: 'Gebruikers beheren en uitnodigen',
    hint: 'Accounts maken, rollen geven en uitnodigingslinks versturen.',
  },
  {
    action: 'monitoring:read',
    href: '/beheer/rondes',
    label: 'Monitoringsrondes',
    hint: 'Data, duiden, dialoog en doen: de ronde, de besluiten en het rapport.',
  },
  {
    action: 'indicators:manage',
    href: '/beheer/indicatoren',
    label: 'Indicatoren beheren',
    hint: 'Indicatoren, hun doelen en streefwaarden maken en aanpassen, ook die nog niet openbaar zijn.',
  },
  {
    action: 'areas:manage',
    href: '/beheer/subregios',
    label: "HEMA-subregio's indelen",
    hint: 'Welke gemeente hoort bij Hoogeveen, Emmen, Meppel of Assen.',
  },
  {
    action: 'indicators:manage',
    href: '/beheer/bronnen',
    label: 'Bronnen beheren',
    hint: 'De bronnen van de cijfers en hun privacyregels: drempel en afronding.',
  },
  {
    action: 'measurements:import',
    href: '/beheer/metingen/import',
    label: 'Metingen inlezen',
    hint: 'Cijfers per indicator, gebied en periode inlezen uit CSV of XLSX, met voorvertoning.',
  },
  {
    action: 'agenda:import',
    href: '/beheer/werkagenda/import',
    label: 'Werkagenda inlezen',
    hint: 'Status, voortgang en eigenaren van veel doelen tegelijk bijwerken met een CSV- of Excel-bestand.',
  },
  {
    action: 'directory:edit',
    href: '/beheer/hulpwijzer',
    label: 'Hulpwijzer: vermeldingen',
    hint: 'De diensten van uw organisatie in de Hulpwijzer: toevoegen, bijwerken en controleren.',
  },
  {
    action: 'directory:moderate',
    href: '/beheer/hulpwijzer/beoordelen',
    label: 'Hulpwijzer: beoordelen',
    hint: 'Nieuwe en gewijzigde vermeldingen van organisaties goedkeuren of afwijzen.',
  },
  {
    action: 'directory:import',
    href: '/beheer/hulpwijzer/import',
    label: 'Hulpwijzer inlezen en downloaden',
    hint: 'De hele Hulpwijzer als Open Referral HSDS 3.0 (JSON of CSV) inlezen of downloaden.',
  },
  {
    action: 'audit:view',
    href: '/beheer/audit',
    label: 'Wijzigingen (audit)',
    hint: 'Wie veranderde wat en wanneer, per onderdeel.',
  },
  {
    action: 'monitoring:read',
    href: '/beheer/verhalen',
    label: 'Verhalen',
    hint: 'Verhalen van inwoners, professionals en mantelzorgers: toevoegen, lezen en publiceren.',
  },
  {
    action: 'monitoring:read',
    href: '/beheer/procesnotities',
    label: 'Procesnotities',
    hint: 'Notities uit de procesevaluatie van de samenwerking.',
  },
  {
    action: 'monitoring:read',
    href: '/beheer/panel',
    label: 'Panelresultaten',
    hint: 'Vragen en antwoorden uit het burgerpanel, per gebied en periode.',
  },
];

/** The links this user may follow, in the order above. */
export function workspaceFor(user: SessionUser): WorkspaceLink[] {
  return WORKSPACE_LINKS.filter((link) => can(user, link.action));
}
