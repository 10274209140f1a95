/** The OpenAPI 3.1 document of the public API, served at /api/openapi.json. */
import { EXPORT_ENTITIES } from '../modules/plan/index.js';

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

/** The map API's body (see datawerkplaats/map.api.ts): lists of equal length per column set. */
export const MAP_FIGURES_SCHEMA = {
  type: 'object',
  required: ['indicator', 'level', 'period', 'areas', 'figures'],
  properties: {
    indicator: { type: 'object' },
    level: { type: 'string', enum: ['gemeente', 'wijk', 'buurt'] },
    period: text,
    levels: { type: 'array', items: text },
    periods: { type: 'array', items: text },
    within: { type: ['object', 'null'] },
    reference: { type: ['object', 'null'] },
    rollup: { type: ['object', 'null'] },
    areas: {
      type: 'object',
      description:
        'Elk gebied van het niveau; de n-de waarde van elke lijst hoort bij hetzelfde gebied.',
      properties: {
        area_code: column(text, 'CBS-code'),
        area_name: column(text, 'Naam'),
        parent_code: column(textOrNull, 'Het gebied erboven'),
        rollup_code: column(textOrNull, 'De gemeente waar het gebied in ligt'),
      },
    },
    figures: {
      type: 'object',
      description:
        'De gebieden met een cijfer in deze periode; de n-de waarde van elke lijst hoort bij hetzelfde gebied.',
      properties: {
        sources: { type: 'array', items: text, description: 'Elke bron één keer' },
        area_code: column(text, 'CBS-code'),
        value: column(
          numberOrNull,
          'Waarde, afgerond zoals de bron voorschrijft; null als verborgen of onbekend',
        ),
        missing_reason: column(
          textOrNull,
          'Waarom er geen waarde is (bijvoorbeeld "te weinig waarnemingen")',
        ),
        numerator: column(numberOrNull, 'Teller'),
        denominator: column(numberOrNull, 'Noemer'),
        sample_size: column(numberOrNull, 'Aantal waarnemingen'),
        ci_low: column(numberOrNull, 'Betrouwbaarheidsinterval, onder'),
        ci_high: column(numberOrNull, 'Betrouwbaarheidsinterval, boven'),
        source: column({ type: 'integer' }, 'Plaats van de bron in sources (vanaf 0)'),
        is_demo: column({ type: 'boolean' }, 'Voorbeelddata'),
      },
    },
  },
} as const;

/** Builds the document; paths mirror `plan.api.ts`. */
export function openApiDocument() {
  const base = '/api/v1/regions/{region}';
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marke API',
      version: '1.0.0',
      description:
        'Open API van Marke: het regioplan als gekoppelde data. Alle antwoorden zijn openbaar; er is geen sleutel nodig.',
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
        'Kaartcijfers van één indicator, kolom voor kolom: elk gebied van het niveau (binnen een gebied) met zijn gemeente (areas), de cijfers van de gebieden die er een hebben (figures; een gebied zonder cijfer ontbreekt daar), en de eigen cijfers van die gemeenten (rollup). Afgeschermde cijfers zijn null met de reden.',
        [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          {
            name: 'niveau',
            in: 'query',
            schema: { type: 'string', enum: ['gemeente', 'wijk', 'buurt'] },
          },
          { name: 'periode', in: 'query', schema: { type: 'string' }, example: '2024' },
          { name: 'binnen', in: 'query', schema: { type: 'string' }, example: 'GM0106' },
        ],
        {
          responses: {
            200: {
              description: 'Kaartcijfers',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/MapFigures' } },
              },
            },
            400: problem,
            404: problem,
          },
        },
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
    },
    components: {
      schemas: {
        MapFigures: MAP_FIGURES_SCHEMA,
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
