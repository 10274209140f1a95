/**
 * The area profile ("gebiedsprofiel") of a gemeente or wijk: its newest figures next to the
 * region's, the areas inside it, and the goals its gemeente works on as trekker or initiator.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { err, ok } from '../../lib/result.js';
import { slugify } from '../../lib/slug.js';
import { type Area, areaIndex } from '../areas/index.js';
import { figuresForAreas, type Measurement, periodToYear } from '../indicators/index.js';
import { getOrganisation } from '../organisations/index.js';
import { REFERENCE_LEVELS } from './map.service.js';
import { postcodeTable } from './postcodes.service.js';

type Db = Kysely<Database>;
type Scope = { regionId: number; regionAreaCode: string; publicOnly: boolean };

const PROFILE_LEVELS = new Set(['gemeente', 'wijk', 'buurt']);

function gemeenteOf(area: Area, areas: Map<string, Area>): Area | undefined {
  let current: Area | undefined = area;
  while (current && current.level !== 'gemeente')
    current = current.parentCode ? areas.get(current.parentCode) : undefined;
  return current;
}

export async function areaProfile(db: Db, scope: Scope, code: string) {
  const areas = await areaIndex(db, scope.regionId);
  const area = areas.get(code);
  if (!area || !PROFILE_LEVELS.has(area.level)) return err('NotFound' as const);
  const parent = area.parentCode ? areas.get(area.parentCode) : undefined;
  const references = [...areas.values()]
    .filter((a) => REFERENCE_LEVELS.includes(a.level))
    .sort((a, b) => REFERENCE_LEVELS.indexOf(a.level) - REFERENCE_LEVELS.indexOf(b.level));
  // The parent first, then the region, its GGD region and the country; each once.
  const comparisonCodes = [
    ...new Set([parent?.code, ...references.map((a) => a.code)].filter((c) => c !== undefined)),
  ];
  const figures = await figuresForAreas(db, scope, [code, ...comparisonCodes]);
  // Per indicator the newest period with a figure here, and the comparisons of that period.
  const newest = new Map<number, Measurement>();
  // Projections are no figures of this area; the profile shows what was measured.
  for (const { indicator, m } of figures)
    if (m.areaCode === code && !m.isProjection) {
      const known = newest.get(indicator.id);
      if (!known || periodToYear(m.period) > periodToYear(known.period))
        newest.set(indicator.id, m);
    }
  const rows = figures
    .filter(({ indicator, m }) => m.areaCode === code && newest.get(indicator.id) === m)
    .map(({ indicator, m }) => ({
      indicator,
      here: m,
      compare: comparisonCodes
        .map(
          (c) =>
            figures.find(
              (f) =>
                f.indicator.id === indicator.id && f.m.areaCode === c && f.m.period === m.period,
            )?.m,
        )
        .filter((x): x is Measurement => x !== undefined)
        .slice(0, 2),
    }))
    .sort((a, b) => a.indicator.name.localeCompare(b.indicator.name, 'nl'));
  const gemeente = gemeenteOf(area, areas);
  const organisation = gemeente
    ? await getOrganisation(db, { id: scope.regionId }, `gemeente-${slugify(gemeente.name)}`)
    : undefined;
  return ok({
    area,
    parent,
    // Areas with a profile of their own; a gemeente's postcode areas are in `postcodes`.
    children: [...areas.values()]
      .filter((a) => a.parentCode === code && PROFILE_LEVELS.has(a.level))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    postcodes: area.level === 'gemeente' ? await postcodeTable(db, scope, area, areas) : undefined,
    rows,
    gemeente,
    organisation: organisation?.ok ? organisation.value : undefined,
  });
}
