/**
 * The check-age limits live in freshness.ts and nowhere else: the editors' states and the
 * resident search's hiding agree on every day around the limits (PostgreSQL's month arithmetic,
 * on both databases).
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { GGZ_ORGANIZATION } from './directory-editor.fixtures.js';
import { listListings } from './directory-editor.repository.js';
import { termId } from './directory-ids.js';
import {
  CHECK_DUE_AFTER_MONTHS,
  FLAGGED_AFTER_MONTHS,
  type Freshness,
  HIDDEN_AFTER_MONTHS,
} from './freshness.js';
import { LADDER_TAXONOMY } from './profile.js';
import { findByText } from './search.repository.js';

const AGES: { months: number; days: number; expected: Freshness }[] = [
  { months: CHECK_DUE_AFTER_MONTHS, days: -1, expected: 'actueel' },
  { months: CHECK_DUE_AFTER_MONTHS, days: 0, expected: 'controleren' },
  { months: FLAGGED_AFTER_MONTHS, days: -1, expected: 'controleren' },
  { months: FLAGGED_AFTER_MONTHS, days: 0, expected: 'verouderd' },
  { months: HIDDEN_AFTER_MONTHS, days: -1, expected: 'verouderd' },
  { months: HIDDEN_AFTER_MONTHS, days: 0, expected: 'verborgen' },
  { months: HIDDEN_AFTER_MONTHS, days: 1, expected: 'verborgen' },
];

describeEachDatabase('Hulpwijzer check ages', (get) => {
  it('gives each listing the state of its age, and hides exactly the ones the overview calls hidden', async () => {
    const { db } = get();
    const region = await db
      .selectFrom('region')
      .select('id')
      .where('code', '=', 'drenthe')
      .executeTakeFirstOrThrow();
    for (const [i, age] of AGES.entries())
      await db
        .insertInto('hsds_service')
        .values({
          id: `00000000-0000-4000-8000-00000000000${i}`,
          region_id: region.id,
          organization_id: GGZ_ORGANIZATION,
          name: `Leeftijd ${i}`,
          description: 'Grenstoets',
          review_status: 'goedgekeurd',
          status: 'active',
          assured_date: sql<string>`(current_date - make_interval(months => ${age.months}, days => ${age.days}))::date`,
        })
        .execute();
    const states = new Map(
      (await listListings(db, region.id, null)).map((l) => [l.name, l.freshness]),
    );
    expect(AGES.map((_, i) => states.get(`Leeftijd ${i}`))).toEqual(AGES.map((a) => a.expected));
    // The search shows listings on the ladder only; the test listings get one each.
    for (const i of AGES.keys())
      await db
        .insertInto('hsds_attribute')
        .values({
          id: `00000000-0000-4000-9000-00000000000${i}`,
          link_id: `00000000-0000-4000-8000-00000000000${i}`,
          link_entity: 'service',
          link_type: 'hulpladder',
          taxonomy_term_id: termId(LADDER_TAXONOMY, 'zelf'),
          value: null,
        })
        .execute();
    const found = await findByText(db, {
      regionId: region.id,
      areaCodes: null,
      text: 'Grenstoets',
      limit: 100,
    });
    const shown = new Set(found.map((s) => s.name));
    for (const [i, age] of AGES.entries())
      expect(shown.has(`Leeftijd ${i}`), `${age.months} maanden ${age.days} dagen`).toBe(
        age.expected !== 'verborgen',
      );
  });
});
