/** The query string of a map (page, downloads and API): checked before any query runs. */
import { err, ok } from '../../lib/result.js';
import { AREA_CODE } from '../areas/index.js';
import { MAP_LEVELS, type MapQuery } from './map.service.js';

const PERIOD = /^20[0-9]{2}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
/** An indicator code as it may appear in a map's address. */
export const MAP_CODE = /^[a-z0-9-]{1,80}$/;

/** Why a well-formed map query has no map, in Dutch (pages say it in HTML, the API in JSON). */
export const MAP_ERRORS = {
  NotFound: 'Dit cijfer bestaat niet.',
  NoAreas: 'Van dit cijfer zijn er geen getallen per gemeente of wijk.',
  BadLevel: 'Van dit cijfer zijn er geen getallen op dit niveau.',
  BadPeriod: 'Van dit cijfer zijn er geen getallen voor deze periode.',
  BadWithin: 'Dit gebied kennen we niet.',
} as const;

/** niveau, periode and binnen (and sorteer for pages), or err when one of them is malformed. */
export function parseMapQuery(param: (name: string) => string | undefined) {
  const level = param('niveau');
  const period = param('periode');
  const within = param('binnen');
  const sort = param('sorteer') ?? 'naam';
  if (
    (level !== undefined && !(MAP_LEVELS as readonly string[]).includes(level)) ||
    (period !== undefined && !PERIOD.test(period)) ||
    (within !== undefined && !AREA_CODE.test(within)) ||
    (sort !== 'naam' && sort !== 'waarde')
  )
    return err('BadQuery' as const);
  const query: MapQuery = { level, period, within, sort };
  return ok(query);
}
