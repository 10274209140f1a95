/**
 * The population of a gemeente's postcode areas, for its area profile: per postcode area the
 * newest figures of every indicator that has figures per postcode (inwoners, 65+, 75+, shares),
 * and the gemeente's own figure (the sum of its postcodes) as the last row. Figures come through
 * the indicators module, so what disclosure control hides is already hidden here.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Area } from '../areas/index.js';
import {
  figuresForAreas,
  type IndicatorSummary,
  type Measurement,
  periodToYear,
} from '../indicators/index.js';

type Db = Kysely<Database>;
type Scope = { regionId: number; regionAreaCode: string; publicOnly: boolean };

export type PostcodeTable = {
  period: string;
  /** Counts first, then shares; each a column. */
  indicators: IndicatorSummary[];
  rows: Array<{
    area: Area;
    postcode: string;
    plaats: string;
    figures: Array<Measurement | undefined>;
  }>;
  /** The gemeente's own figures, per column. */
  total: Array<Measurement | undefined>;
  sources: string[];
};

/** The postcode table of a gemeente, or undefined when it has no postcode areas with figures. */
export async function postcodeTable(
  db: Db,
  scope: Scope,
  gemeente: Area,
  areas: Map<string, Area>,
): Promise<PostcodeTable | undefined> {
  const postcodes = [...areas.values()]
    .filter((a) => a.level === 'postcode' && a.parentCode === gemeente.code)
    .sort((a, b) => a.code.localeCompare(b.code));
  if (postcodes.length === 0) return undefined;
  const figures = (
    await figuresForAreas(db, scope, [...postcodes.map((p) => p.code), gemeente.code])
  ).filter(({ m }) => !m.isProjection);
  const period = figures
    .filter(({ m }) => m.areaLevel === 'postcode')
    .map(({ m }) => m.period)
    .sort((a, b) => periodToYear(b) - periodToYear(a))[0];
  if (!period) return undefined;
  const inPeriod = figures.filter(({ m }) => m.period === period);
  const indicators = [
    ...new Map(
      inPeriod
        .filter(({ m }) => m.areaLevel === 'postcode')
        .map((f) => [f.indicator.id, f.indicator]),
    ).values(),
  ].sort((a, b) => Number(a.unit === '%') - Number(b.unit === '%') || a.code.localeCompare(b.code));
  const figureOf = new Map(
    inPeriod.map(({ indicator, m }) => [`${indicator.id}|${m.areaCode}`, m]),
  );
  const columns = (code: string) => indicators.map((i) => figureOf.get(`${i.id}|${code}`));
  return {
    period,
    indicators,
    rows: postcodes.map((area) => ({
      area,
      postcode: area.code.slice(2),
      // The area is named "7705 Drogteropslagen": the plaats is the name after the digits.
      plaats: area.name.replace(/^[0-9]{4}\s*/, ''),
      figures: columns(area.code),
    })),
    total: columns(gemeente.code),
    sources: [...new Set(inPeriod.map(({ m }) => m.source))].sort(),
  };
}
