/** Dutch full-text search: stemming, grouping, unhappy paths. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { getRegion } from './index.js';
import { prefixQuery, queryWords, searchPlan } from './plan-search.service.js';

it('builds safe tsquery words and prefix stems', () => {
  expect(queryWords("Mantelzorgers & 'ouderen'; DROP TABLE")).toEqual([
    'mantelzorgers',
    'ouderen',
    'drop',
    'table',
  ]);
  expect(prefixQuery(['mantelzorgers', 'huisartsen'])).toBe('mantelzorg:* & huisarts:*');
});

describeEachDatabase('search', (get) => {
  const region = async () => {
    const r = await getRegion(get().db, 'drenthe');
    if (!r.ok) throw new Error('geen regio');
    return r.value;
  };

  it('finds "mantelzorg" content when searching "mantelzorgers"', async () => {
    const result = await searchPlan(get().db, await region(), 'mantelzorgers');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const codes = result.value.groups.flatMap((g) => g.items.map((i) => i.entity_key));
    expect(codes).toContain('2.1.1. C');
    expect(result.value.groups.map((g) => g.type)).toContain('operationeel_doel');
    const types = result.value.groups.map((g) => g.type);
    expect(types.indexOf('operationeel_doel')).toBeLessThan(
      types.indexOf('begrip') === -1 ? 99 : types.indexOf('begrip'),
    );
  });

  it('finds glossary terms, abbreviations and organisations by their short name', async () => {
    const term = await searchPlan(get().db, await region(), 'naoberschap');
    expect(term.ok && term.value.groups.some((g) => g.type === 'begrip')).toBe(true);
    const abbreviation = await searchPlan(get().db, await region(), 'GERDA');
    expect(abbreviation.ok && abbreviation.value.groups.some((g) => g.type === 'afkorting')).toBe(
      true,
    );
    const organisation = await searchPlan(get().db, await region(), 'WZA');
    const keys = organisation.ok
      ? organisation.value.groups.flatMap((g) => g.items.map((i) => `${g.type}:${i.entity_key}`))
      : [];
    expect(keys).toContain('organisatie:wilhelmina-ziekenhuis-assen');
  });

  it('rejects empty and overlong queries with a typed error', async () => {
    expect(await searchPlan(get().db, await region(), '  !! ')).toEqual({
      ok: false,
      error: 'EmptyQuery',
    });
    expect(await searchPlan(get().db, await region(), 'x'.repeat(201))).toEqual({
      ok: false,
      error: 'QueryTooLong',
    });
  });

  it('renders grouped results with highlights on the search page', async () => {
    const html = await (await testApp(get().db).app.request('/zoeken?q=mantelzorgers')).text();
    expect(html).toContain('Operationele doelen');
    expect(html).toMatch(/<mark>[^<]*antelzorg/i);
  });
});
