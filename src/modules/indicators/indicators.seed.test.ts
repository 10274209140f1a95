/** The plan's own indicators, targets and baselines, and the real Gezondheidsmonitor values. */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/db.js';
import { getRegion } from '../plan/index.js';
import { importIndicatorsFromDirectory } from './index.js';

describeEachDatabase('indicator seed', (get) => {
  it('loads every target the plan states, with its goal, and skips an unchanged file', async () => {
    const { db } = get();
    const targets = await db
      .selectFrom('indicator_target')
      .innerJoin('indicator', 'indicator.id', 'indicator_target.indicator_id')
      .innerJoin('indicator_goal', 'indicator_goal.indicator_id', 'indicator.id')
      .select(['indicator.code', 'goal_code', 'comparator', 'kind', 'value', 'year'])
      .execute();
    const find = (code: string) => targets.find((t) => t.code === code);
    expect(find('beweegrichtlijn-volwassenen')).toMatchObject({
      goal_code: '2.3.1. B',
      comparator: '>',
      year: 2040,
    });
    expect(Number(find('beweegrichtlijn-volwassenen')?.value)).toBe(46);
    expect(find('acp-ouderen')).toMatchObject({
      goal_code: '2.2.1. B',
      comparator: '>=',
      year: 2025,
    });
    expect(find('seh-valopnames-kwetsbare-ouderen')).toMatchObject({
      kind: 'relative',
      year: 2025,
    });
    expect(Number(find('seh-valopnames-kwetsbare-ouderen')?.value)).toBe(-20);
    expect(find('hulpvragen-opgelost-in-gemeenschap')).toMatchObject({
      goal_code: '2.2.2. B',
      year: 2027,
    });
    expect(find('hybride-zorg-aangeboden')).toMatchObject({ goal_code: '2.4.1. B', year: 2024 });
    expect(find('acute-zorg-buiten-seh-hap')).toMatchObject({ goal_code: '2.1.3. A', year: 2030 });
    expect(targets.filter((t) => t.goal_code === '2.3.1. B')).toHaveLength(10);

    const values = await db
      .selectFrom('measurement')
      .innerJoin('indicator', 'indicator.id', 'measurement.indicator_id')
      .select([
        'indicator.code',
        'area_code',
        'period',
        'value',
        'is_projection',
        'measurement.source',
        'missing_reason',
      ])
      .execute();
    const value = (code: string, area: string, period: string) =>
      values.find((v) => v.code === code && v.area_code === area && v.period === period);
    expect(Number(value('ziekteverzuim-zorg', 'PV22', '2023')?.value)).toBe(9.2);
    expect(value('personeelstekort-zorg', 'PV22', '2032')).toMatchObject({ is_projection: true });
    expect(Number(value('lage-basisvaardigheden', 'NL01', '2023')?.value)).toBe(12.5);
    expect(Number(value('overgewicht-jongvolwassenen', 'GM0106', '2024')?.value)).toBe(27.1);
    expect(Number(value('overgewicht-jongvolwassenen', 'GG0706', '2024')?.value)).toBe(31);
    expect(value('overgewicht-jongvolwassenen', 'GM0106', '2024')?.source).toContain(
      'Gezondheidsmonitor',
    );
    expect(values.filter((v) => v.code === 'roken-jongvolwassenen')).toHaveLength(14);
    // All 148 columns of the Gezondheidsmonitor, through the wide import's mapping.
    const monitor = values.filter((v) => v.source.includes('Gezondheidsmonitor Jongvolwassenen'));
    expect(new Set(monitor.map((v) => v.code)).size).toBe(148);
    expect(monitor).toHaveLength(148 * 14);
    expect(Number(value('jv-moeite-met-rondkomen', 'GM0106', '2024')?.value)).toBe(32.5);
    // Cells the source left empty stay empty, with the reason.
    expect(value('jv-gebruikt-snus-nicotinezakjes', 'GM0106', '2024')).toMatchObject({
      value: null,
      missing_reason: 'leeg in het bestand',
    });
    expect(monitor.filter((v) => v.missing_reason !== null)).toHaveLength(388);
    expect(Number(value('inwoners', 'WK010600', '2024')?.value)).toBeGreaterThan(0);
    // The mappings are saved with their sources, for the next upload.
    const mappings = await db
      .selectFrom('data_source')
      .select(['code', 'import_mapping'])
      .where('import_mapping', 'is not', null)
      .orderBy('code')
      .execute();
    expect(mappings.map((m) => m.code)).toEqual([
      'cbs-kerncijfers-wijken-buurten-2024',
      'gezondheidsmonitor-jongvolwassenen-2024',
    ]);
    expect(mappings[1]?.import_mapping).toMatchObject({
      areaColumn: 'regios',
      marginColumn: 'marges',
      filters: { persoonskenmerken: 'T009002' },
      columns: { overgewicht_59: 'overgewicht-jongvolwassenen' },
    });

    const region = await getRegion(db, 'drenthe');
    if (!region.ok) throw new Error('geen regio');
    expect(
      await importIndicatorsFromDirectory(db, region.value.id, 'data/regions/drenthe', 'test'),
    ).toEqual({ ok: true, value: { status: 'unchanged' } });
  });
});
