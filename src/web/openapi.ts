/** The OpenAPI 3.1 document of the public API, served at /api/openapi.json. */
import { EXPORT_ENTITIES } from '../modules/plan/index.js';
import { HSDS_PAGE_SCHEMA, hsdsPaths } from './openapi-hsds.js';

const problem = {
  description: 'Probleem (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});
const region = {
  name: 'region',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9-]+$' },
  example: 'drenthe',
};
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };

function get(summary: string, params: unknown[] = [], extra: Record<string, unknown> = {}) {
  return {
    get: {
      summary,
      parameters: [region, ...params],
      responses: { 200: json(summary), 400: problem, 404: problem },
      ...extra,
    },
  };
}

const column = (items: Record<string, unknown>, description: string) => ({
  type: 'array',
  items,
  description,
});
const text = { type: 'string' };
const textOrNull = { type: ['string', 'null'] };
const numberOrNull = { type: ['number', 'null'] };

/** One figure in the map API: a row whose places `fields` names. */
const FIGURE_ROW = {
  type: 'array',
  description:
    'Eén cijfer, in de volgorde van fields (nulls aan het eind weggelaten): CBS-code; waarde (afgerond zoals de bron voorschrijft, null als verborgen of onbekend); teller; noemer; aantal waarnemingen; betrouwbaarheidsinterval onder en boven; reden zonder waarde (bijvoorbeeld "te weinig waarnemingen").',
  prefixItems: [
    text,
    numberOrNull,
    numberOrNull,
    numberOrNull,
    numberOrNull,
    numberOrNull,
    numberOrNull,
    textOrNull,
  ],
  minItems: 1,
  maxItems: 8,
} as const;

/** The map API's body (see datawerkplaats/map.api.ts). */
export const MAP_FIGURES_SCHEMA = {
  type: 'object',
  required: ['indicator', 'level', 'period', 'areas_url', 'figures'],
  properties: {
    indicator: { type: 'object' },
    level: { type: 'string', enum: ['gemeente', 'wijk', 'buurt'] },
    period: text,
    levels: { type: 'array', items: text },
    periods: { type: 'array', items: text },
    within: { type: ['object', 'null'] },
    reference: { type: ['object', 'null'] },
    rollup: {
      type: ['object', 'null'],
      description:
        'De eigen cijfers van de gemeenten waar de gebieden in liggen (zoals figures; namen via areas_url met niveau=gemeente). Null op gemeenteniveau.',
      properties: {
        level: text,
        figures: { $ref: '#/components/schemas/MapFigures/properties/figures' },
      },
    },
    areas_url: {
      type: 'string',
      description: 'Waar de gebieden van deze kaart staan (namen, gemeente): één keer ophalen.',
    },
    figures: {
      type: 'object',
      description:
        'De gebieden met een cijfer in deze periode, per bron. Een gebied uit areas_url zonder rij hier heeft geen cijfer.',
      required: ['fields', 'groups'],
      properties: {
        fields: { type: 'array', items: text, description: 'Wat op elke plaats van een rij staat' },
        groups: {
          type: 'array',
          items: {
            type: 'object',
            required: ['source', 'is_demo', 'rows'],
            properties: {
              source: text,
              is_demo: { type: 'boolean', description: 'Voorbeelddata' },
              rows: { type: 'array', items: FIGURE_ROW },
            },
          },
        },
      },
    },
  },
} as const;

/** The areas' body of one level (see datawerkplaats/map.api.ts). */
export const LEVEL_AREAS_SCHEMA = {
  type: 'object',
  required: ['level', 'within', 'areas'],
  properties: {
    level: { type: 'string', enum: ['gemeente', 'wijk', 'buurt'] },
    within: textOrNull,
    areas: {
      type: 'object',
      description:
        'Elk gebied van het niveau; de n-de waarde van elke lijst hoort bij hetzelfde gebied.',
      properties: {
        area_code: column(text, 'CBS-code'),
        area_name: column(text, 'Naam'),
        parent_code: column(textOrNull, 'Het gebied erboven'),
        gemeente_code: column(
          textOrNull,
          'De gemeente waar het gebied in ligt (null bij een gemeente)',
        ),
      },
    },
  },
} as const;

const levelParam = {
  name: 'niveau',
  in: 'query',
  schema: { type: 'string', enum: ['gemeente', 'wijk', 'buurt'] },
};
const withinParam = { name: 'binnen', in: 'query', schema: { type: 'string' }, example: 'GM0106' };

/** A 200 with a JSON body of a named schema, and the problems. */
const jsonBody = (description: string, schema: string) => ({
  responses: {
    200: {
      description,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
    },
    400: problem,
    404: problem,
  },
});

/** Builds the document; paths mirror `plan.api.ts`. */
export function openApiDocument() {
  const base = '/api/v1/regions/{region}';
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marke API',
      version: '1.0.0',
      description:
        'Open API van Marke: het regioplan als gekoppelde data, en de Hulpwijzer als Open Referral HSDS 3.0 (/api/hsds). Alle antwoorden zijn openbaar; er is geen sleutel nodig.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    paths: {
      '/api/v1/regions': {
        get: { summary: 'Regio’s met een plan', responses: { 200: json('Lijst met regio’s') } },
      },
      [base]: get('Regio, plan, ambitie, thema’s en rode draden'),
      [`${base}/themes`]: get('Prioritaire thema’s met hun ambitie voor 2040'),
      [`${base}/themes/{slug}`]: get('Eén thema', [slug]),
      [`${base}/guiding-threads`]: get('Rode draden'),
      [`${base}/sectors`]: get('Sectoren (coalitie per sector: zie organisations)'),
      [`${base}/opgaven`]: get('Alle regio-opgaven'),
      [`${base}/opgaven/{slug}`]: get('Eén regio-opgave', [slug]),
      [`${base}/goals`]: get('Alle doelen', [
        {
          name: 'kind',
          in: 'query',
          schema: { type: 'string', enum: ['strategic', 'operational'] },
        },
        { name: 'opgave', in: 'query', schema: { type: 'string' } },
      ]),
      [`${base}/goals/{code}`]: get('Eén doel, strategisch (2.1.1) of operationeel (2.1.1.a)', [
        {
          name: 'code',
          in: 'path',
          required: true,
          schema: { type: 'string' },
          example: '2.1.1.a',
        },
      ]),
      [`${base}/programmes`]: get('Transformatieprogramma’s'),
      [`${base}/programmes/{slug}`]: get('Eén programma', [slug]),
      [`${base}/initiatives`]: get('Initiatieven'),
      [`${base}/initiatives/{slug}`]: get('Eén initiatief', [slug]),
      [`${base}/organisations`]: get('Organisaties per sector en coalitie'),
      [`${base}/organisations/{slug}`]: get('Eén organisatie', [slug]),
      [`${base}/governance`]: get('Governance: organen en rollen'),
      [`${base}/glossary`]: get('Begrippen en afkortingen'),
      [`${base}/sections`]: get('Overige hoofdstukken van het plan'),
      [`${base}/sections/{slug}`]: get('Eén hoofdstuk', [slug]),
      [`${base}/search`]: get('Zoeken (Nederlandse full-text search)', [
        {
          name: 'q',
          in: 'query',
          required: true,
          schema: { type: 'string', minLength: 1, maxLength: 200 },
        },
      ]),
      [`${base}/agenda`]: get('Werkagenda: status, prioriteit en voortgang per operationeel doel'),
      [`${base}/agenda.csv`]: {
        get: {
          summary: 'Werkagenda als CSV (dezelfde kolommen als een import)',
          parameters: [region],
          responses: {
            200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
            404: problem,
          },
        },
      },
      [`${base}/indicators`]: get(
        'Indicatoren met doelen, streefwaarden, status en laatste meting',
      ),
      [`${base}/indicators/{code}`]: get('Eén indicator met alle metingen', [
        { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
      ]),
      [`${base}/measurements.csv`]: {
        get: {
          summary: 'Alle metingen als CSV (dezelfde kolommen als een import)',
          parameters: [region],
          responses: {
            200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
            404: problem,
          },
        },
      },
      [`${base}/datawerkplaats/kaart/{code}`]: get(
        'Kaartcijfers van één indicator: de cijfers van de gebieden van het niveau (binnen een gebied) die er een hebben, per bron als rijen (figures), en de eigen cijfers van hun gemeenten (rollup). Afgeschermde cijfers zijn null met de reden. De gebieden zelf: areas_url.',
        [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          levelParam,
          { name: 'periode', in: 'query', schema: { type: 'string' }, example: '2024' },
          withinParam,
        ],
        jsonBody('Kaartcijfers', 'MapFigures'),
      ),
      [`${base}/datawerkplaats/gebieden`]: get(
        'De gebieden van één niveau (binnen een gebied) met naam, bovenliggend gebied en gemeente, kolom voor kolom: hetzelfde voor elke kaart van dat niveau.',
        [{ ...levelParam, required: true }, withinParam],
        jsonBody('Gebieden', 'LevelAreas'),
      ),
      [`${base}/stories`]: get('Gepubliceerde verhalen (zonder namen, met toestemming)', [
        { name: 'opgave', in: 'query', schema: { type: 'string' } },
        {
          name: 'role',
          in: 'query',
          schema: { type: 'string', enum: ['inwoner', 'professional', 'mantelzorger'] },
        },
      ]),
      [`${base}/panel`]: get(
        'Burgerpanel: gepubliceerde vragen met de verdeling per gebied en periode (minder dan 10 antwoorden: niet getoond)',
      ),
      [`${base}/panel.csv`]: {
        get: {
          summary: 'Burgerpanel als CSV (kolommen van de import, plus vraag en status)',
          parameters: [region],
          responses: {
            200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
            404: problem,
          },
        },
      },
      [`${base}/agenda.xlsx`]: {
        get: {
          summary: 'Werkagenda als Excel (XLSX; dezelfde kolommen en rijen als de CSV)',
          parameters: [region],
          responses: {
            200: {
              description: 'XLSX',
              content: {
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                  schema: { type: 'string', contentEncoding: 'binary' },
                },
              },
            },
            404: problem,
          },
        },
      },
      [`${base}/export.json`]: get('Volledige export als JSON'),
      [`${base}/export/{file}`]: {
        get: {
          summary: 'Volledige export als CSV, één bestand per soort',
          parameters: [
            region,
            {
              name: 'file',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: EXPORT_ENTITIES.map((e) => `${e}.csv`) },
            },
          ],
          responses: {
            200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
            404: problem,
          },
        },
      },
      ...hsdsPaths(),
    },
    components: {
      schemas: {
        HsdsPage: HSDS_PAGE_SCHEMA,
        MapFigures: MAP_FIGURES_SCHEMA,
        LevelAreas: LEVEL_AREAS_SCHEMA,
        Problem: {
          type: 'object',
          required: ['title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
          },
        },
      },
    },
  };
}
