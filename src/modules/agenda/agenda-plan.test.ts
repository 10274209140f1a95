/**
 * The werkagenda on the plan's public pages: the weighted roll-up with its rule on strategic-goal
 * and opgave pages, and an operational goal's state, owners and latest updates; plan never
 * imports agenda.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';
import { postForm, signInAs } from '../../../test/session.js';

it('keeps the plan module free of imports from the agenda module (no cycle)', async () => {
  const dir = path.resolve('src/modules/plan');
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.tsx?$/.test(f));
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const text = await readFile(path.join(dir, file), 'utf8');
    expect(text, file).not.toMatch(/from '[^']*\/agenda\//);
  }
});

describeEachDatabase('werkagenda on the goal pages', (get) => {
  it('shows the roll-up and its rule on strategic-goal and opgave pages, and the item on its goal page', async () => {
    const { app } = testApp(get().db);
    const admin = await signInAs(app, get().db, 'beheerder');
    const before = await (await app.request('/doelen/2.1.1')).text();
    expect(before).toContain('Voortgang op de werkagenda: 0%');
    const save = (code: string, form: Record<string, string>) =>
      postForm(app, `/beheer/werkagenda/${code}`, { _csrf: admin.csrf, ...form }, admin.cookie);
    expect(
      (
        await save('2.1.1.a', {
          status: 'loopt',
          priority: 'must',
          progress: '60',
          phase: 'uitvoeren',
          planned_start: '2025-Q1',
          planned_end: '2026',
          owners: 'ggd-drenthe, cosis',
          update: 'Werkplaats community care gestart.',
          decision: 'Programmaraad: door naar fase 2.',
        })
      ).status,
    ).toBe(303);
    expect(
      (await save('2.1.1.b', { status: 'gestopt', priority: 'must', progress: '0' })).status,
    ).toBe(303);

    // 2.1.1: A counts 3 × 60, B is stopped, C–F count 1 × 0 each: 180 / 7 = 26%.
    const strategic = await (await app.request('/doelen/2.1.1')).text();
    expect(strategic).toContain('Voortgang op de werkagenda: 26%');
    expect(strategic).toContain('Gewicht: must 3, should 2, could 1, geen prioriteit 1.');
    expect(strategic).toMatch(
      /2\.1\.1\. A<\/a><\/th><td[^>]*>Loopt<\/td><td[^>]*>Must have<\/td><td[^>]*>60%/,
    );
    expect(strategic).toMatch(/2\.1\.1\. B<\/a><\/th><td[^>]*>Gestopt/);

    // Netwerkaanpak: 15 goals; A 3 × 60, B stopped, 13 others 1 × 0: 180 / 16 = 11%.
    const opgave = await (await app.request('/opgaven/netwerkaanpak')).text();
    expect(opgave).toContain('Voortgang op de werkagenda: 11%');
    expect(opgave).toMatch(/Strategisch doel <span class="marke-code">2\.1\.1<\/span><\/a>: 26%/);
    expect(opgave).toMatch(/Strategisch doel <span class="marke-code">2\.1\.2<\/span><\/a>: 0%/);
    expect(opgave).toContain('Gestopte doelen tellen niet mee.');

    const goal = await (await app.request('/doelen/2.1.1.a')).text();
    expect(goal).toMatch(
      /<dt>Status<\/dt><dd>Loopt<\/dd><dt>Prioriteit<\/dt><dd>Must have<\/dd><dt>Voortgang<\/dt><dd>60%<\/dd>/,
    );
    expect(goal).toContain('<dd>2025-Q1 tot en met 2026</dd>');
    expect(goal).toContain('href="/organisaties/ggd-drenthe">GGD Drenthe</a>');
    expect(goal).toContain('Voortgang: Werkplaats community care gestart.');
    expect(goal).toContain('Besluit: Programmaraad: door naar fase 2.');
    expect(goal).not.toContain(admin.user.email);
    expect(goal).toContain('href="/beheer/werkagenda/2.1.1.a"');

    const untouched = await (await app.request('/doelen/2.1.2.a')).text();
    expect(untouched).toContain('<dd>nog niet ingevuld</dd>');
    expect(untouched).toContain('nog geen eigenaar');
    expect(untouched).toContain('Nog geen voortgangsberichten.');
  });
});
