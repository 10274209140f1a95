/**
 * The Hulpwijzer's HSDS 3.0 API in the OpenAPI document: the same paths under `/api/hsds` (the
 * default region) and `/api/v1/regions/{region}/hsds`. Bodies refer to the Open Referral schemas
 * they validate against (hsds.api.test.ts checks that with the vendored copies).
 */
import {
  HSDS_PAGE_LIMITS,
  HSDS_PARAMETERS,
  ORGANIZATION_SERVICES,
} from '../modules/directory/index.js';

const SPEC = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema';

const problem = {
  description: 'Probleem (RFC 9457), in het Nederlands',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

const uuid = { type: 'string', format: 'uuid' };

/** Every query parameter an HSDS path can take. */
const PARAMETERS: Record<string, Record<string, unknown>> = {
  search: {
    description:
      'Woorden, gezocht met Nederlandse full-text search in naam en beschrijving (hoogstens 200 tekens). Een antwoord op een zoekvraag wordt nergens bewaard (no-store).',
    schema: { type: 'string', maxLength: 200 },
  },
  taxonomy_term_id: {
    description:
      'Alleen diensten met een attribuut met deze term, bijvoorbeeld een hulpvraag of een stap van de hulpladder (zie /taxonomy_terms).',
    schema: uuid,
  },
  taxonomy_id: {
    description: 'Alleen diensten met een attribuut met een term uit deze taxonomie.',
    schema: uuid,
  },
  organization_id: { description: 'Alleen diensten van deze organisatie.', schema: uuid },
  modified_after: {
    description:
      'Alleen diensten die op of na dit moment zijn gewijzigd: een datum of tijdstip volgens ISO 8601 (zonder tijdzone: UTC).',
    schema: { type: 'string' },
    example: '2026-01-31T09:00:00+01:00',
  },
  page: {
    description:
      'Het nummer van de pagina; een pagina na de laatste heeft geen resultaten (size 0, last_page).',
    schema: { type: 'integer', minimum: 1, maximum: HSDS_PAGE_LIMITS.maxPage, default: 1 },
  },
  per_page: {
    description: 'Hoeveel resultaten op één pagina.',
    schema: {
      type: 'integer',
      minimum: 1,
      maximum: HSDS_PAGE_LIMITS.maxPerPage,
      default: HSDS_PAGE_LIMITS.defaultPerPage,
    },
  },
  full_service: {
    description: `true: de diensten van de organisatie helemaal uitgeschreven (zoals /services/{id}); anders alleen hun eigen velden. In beide gevallen hoogstens ${ORGANIZATION_SERVICES} (zie het antwoord).`,
    schema: { type: 'boolean', default: false },
  },
  parent_id: { description: 'Alleen termen onder deze term.', schema: uuid },
  top_only: {
    description: 'true: alleen termen zonder bovenliggende term.',
    schema: { type: 'boolean', default: false },
  },
};

const query = (names: readonly string[]) =>
  names.map((name) => ({ name, in: 'query', required: false, ...PARAMETERS[name] }));

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Het id (een uuid).',
  schema: uuid,
};

const regionParameter = {
  name: 'region',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9-]+$' },
  example: 'drenthe',
};

const body = (description: string, schema: Record<string, unknown>) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A page of the spec's Page shape whose contents are of the given schema. */
const page = (description: string, items: string) =>
  body(description, {
    allOf: [{ $ref: '#/components/schemas/HsdsPage' }],
    properties: { contents: { type: 'array', items: { $ref: `${SPEC}/${items}` } } },
  });

const ROOT_SCHEMA = {
  type: 'object',
  required: ['version', 'profile', 'openapi_url'],
  properties: {
    version: { type: 'string', const: '3.0' },
    profile: {
      type: 'string',
      format: 'uri',
      description: 'Waar het Nederlandse profiel beschreven staat',
    },
    openapi_url: { type: 'string', format: 'uri' },
    marke_profile: {
      type: 'object',
      description:
        'Het profiel in het kort: taxonomieën, hulpladder, attributen met een waarde, gebiedscodes, wat openbaar is en hoe voorbeelden herkenbaar zijn',
    },
  },
};

/** The spec's Page (openapi.json of HSDS 3.0). */
export const HSDS_PAGE_SCHEMA = {
  type: 'object',
  required: [
    'total_items',
    'total_pages',
    'page_number',
    'size',
    'first_page',
    'last_page',
    'empty',
    'contents',
  ],
  properties: {
    total_items: { type: 'integer', description: 'Hoeveel resultaten er in totaal zijn' },
    total_pages: {
      type: 'integer',
      minimum: 1,
      description:
        'Hoeveel pagina’s er zijn; minstens 1: ook een lege uitkomst is één (lege) pagina',
    },
    page_number: { type: 'integer', description: 'Het nummer van deze pagina' },
    size: { type: 'integer', description: 'Hoeveel resultaten op deze pagina staan' },
    first_page: { type: 'boolean' },
    last_page: { type: 'boolean' },
    empty: {
      type: 'boolean',
      description:
        'De hele uitkomst is leeg (total_items is 0). Een pagina na de laatste heeft size 0, maar is niet empty.',
    },
    contents: { type: 'array' },
  },
};

type Operation = {
  summary: string;
  params?: readonly string[];
  byId?: boolean;
  ok: Record<string, unknown>;
};

const OPERATIONS: Record<string, Operation> = {
  '': {
    summary: 'HSDS-versie, het Nederlandse profiel en het OpenAPI-document',
    ok: body('Over deze API', ROOT_SCHEMA),
  },
  '/services': {
    summary: 'Openbare diensten (goedgekeurd, actief, recent gecontroleerd), per pagina',
    params: HSDS_PARAMETERS.services,
    ok: page('Diensten met hun organisatie en attributen', 'compiled/service_list.json'),
  },
  '/services/{id}': {
    summary:
      'Eén dienst, helemaal uitgeschreven: organisatie, telefoon, tijden, werkgebieden, locaties, talen, kosten, contacten, attributen',
    byId: true,
    ok: body('Dienst', { $ref: `${SPEC}/compiled/service.json` }),
  },
  '/organizations': {
    summary: 'Organisaties met minstens één openbare dienst, per pagina',
    params: HSDS_PARAMETERS.organizations,
    ok: page('Organisaties', 'compiled/organization_list.json'),
  },
  '/organizations/{id}': {
    summary: `Eén organisatie met contacten, telefoon, locaties en haar openbare diensten: hoogstens ${ORGANIZATION_SERVICES}, dezelfde als pagina 1 van /services?organization_id={id}&per_page=${ORGANIZATION_SERVICES}`,
    params: HSDS_PARAMETERS.organization,
    byId: true,
    ok: {
      ...body(
        `Organisatie. \`services\` bevat haar eerste ${ORGANIZATION_SERVICES} openbare diensten op naam (dan id), precies pagina 1 van /services?organization_id={id}&per_page=${ORGANIZATION_SERVICES}; \`locations\` de locaties waar die diensten worden gegeven. Heeft ze er meer, dan wijst de header Link (rel="next") naar pagina 2 van die lijst. HSDS 3.0 schrijft niet voor dat alle diensten in het antwoord staan ("service array that contains simple information which could only contain the service.id").`,
        { $ref: `${SPEC}/compiled/organization.json` },
      ),
      headers: {
        Link: {
          description: `Alleen als de organisatie meer dan ${ORGANIZATION_SERVICES} openbare diensten heeft: <…/services?organization_id={id}&per_page=${ORGANIZATION_SERVICES}&page=2>; rel="next"`,
          schema: { type: 'string' },
        },
      },
    },
  },
  '/service_at_locations': {
    summary: 'Openbare diensten op een locatie, per pagina (filters gelden voor de dienst)',
    params: HSDS_PARAMETERS.service_at_locations,
    ok: page('Diensten op een locatie', 'compiled/service_at_location_list.json'),
  },
  '/service_at_locations/{id}': {
    summary: 'Eén dienst op een locatie: locatie (met adres en toegankelijkheid), tijden, dienst',
    byId: true,
    ok: body('Dienst op een locatie', { $ref: `${SPEC}/compiled/service_at_location.json` }),
  },
  '/taxonomies': {
    summary: 'Taxonomieën van het profiel (hulpvraag, hulpladder, marke-profiel), per pagina',
    params: HSDS_PARAMETERS.taxonomies,
    ok: page('Taxonomieën', 'taxonomy.json'),
  },
  '/taxonomies/{id}': {
    summary: 'Eén taxonomie',
    byId: true,
    ok: body('Taxonomie', { $ref: `${SPEC}/taxonomy.json` }),
  },
  '/taxonomy_terms': {
    summary: 'Termen van het profiel met hun taxonomie, per pagina',
    params: HSDS_PARAMETERS.taxonomy_terms,
    ok: page('Termen', 'taxonomy_term.json'),
  },
  '/taxonomy_terms/{id}': {
    summary: 'Eén term met zijn taxonomie',
    byId: true,
    ok: body('Term', { $ref: `${SPEC}/taxonomy_term.json` }),
  },
};

/** The HSDS paths under both prefixes, ready to spread into the document's `paths`. */
export function hsdsPaths(): Record<string, unknown> {
  const prefixes = [
    { base: '/api/hsds', params: [] },
    { base: '/api/v1/regions/{region}/hsds', params: [regionParameter] },
  ];
  return Object.fromEntries(
    prefixes.flatMap(({ base, params }) =>
      Object.entries(OPERATIONS).map(([path, op]) => [
        `${base}${path}`,
        {
          get: {
            summary: op.summary,
            tags: ['Hulpwijzer (HSDS 3.0)'],
            parameters: [...params, ...(op.byId ? [idParameter] : []), ...query(op.params ?? [])],
            responses: { 200: op.ok, 400: problem, 404: problem },
          },
        },
      ]),
    ),
  );
}
