/**
 * Search is an output too (issue 4 §4): a hidden figure must not come back through /zoeken,
 * whether one searches for the indicator, the area, the source text or the value itself.
 */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, postUpload, signInAs } from '../../../test/session.js';

const FILE = [
  'indicator,area_code,period,value,numerator,denominator,sample_size,source,note',
  // Centrum (Assen) rests on 7 people: hidden. Its source and note carry a word to search for.
  'hybride-zorg-gebruik,WK010600,2027,71.43,5,7,7,Zoekproefbron,zoekproefnotitie',
  'hybride-zorg-gebruik,WK010601,2027,64.29,45,70,70,Zoekproefbron,zoekproefnotitie',
  'hybride-zorg-gebruik,WK010602,2027,58.57,41,70,70,Zoekproefbron,zoekproefnotitie',
].join('\n');

describeEachDatabase('disclosure and search', (get) => {
  it('never returns a hidden figure through search', async () => {
    const { app } = testApp(get().db);
    const data = await signInAs(app, get().db, 'data');
    const staged = await postUpload(
      app,
      '/beheer/metingen/import',
      { _csrf: data.csrf },
      { name: 'z.csv', bytes: FILE },
      data.cookie,
    );
    const applied = await postForm(
      app,
      `${staged.headers.get('location')}/toepassen`,
      { _csrf: data.csrf },
      data.cookie,
    );
    expect(applied.status).toBe(303);
    const hidden = await get()
      .db.selectFrom('measurement')
      .select('suppressed')
      .where('area_code', '=', 'WK010600')
      .where('period', '=', '2027')
      .executeTakeFirstOrThrow();
    expect(hidden.suppressed).toBe('primary');
    for (const q of [
      'hybride zorg',
      'Centrum',
      'Zoekproefbron',
      'zoekproefnotitie',
      '71,43',
      '71.43',
      '71,4',
      '2027',
    ]) {
      const res = await app.request(`/zoeken?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      // What search found: its result lists (the page repeats the question itself elsewhere).
      const html = [
        ...(await res.text()).matchAll(/<ul class="[^"]*marke-results">[\s\S]*?<\/ul>/g),
      ]
        .map((m) => m[0])
        .join('\n');
      for (const shown of ['71,43', '71.43', '71,4%', '71.4'])
        expect(html, `${q} → ${shown}`).not.toContain(shown);
    }
  });
});
