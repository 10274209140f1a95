/** Public indicator pages and API: figures with source and period, status with its rule, CSV. */
import { expect, it } from 'vitest';
import { testApp } from '../../../test/app.js';
import { describeEachDatabase } from '../../../test/db.js';

describeEachDatabase('indicator pages and API', (get) => {
  it('lists indicators by track with latest value, target and status, and the rule', async () => {
    const { app } = testApp(get().db);
    const res = await app.request('/indicatoren');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Lange termijn (2040)');
    expect(html).toContain('Driejarige cyclus');
    expect(html).toContain('Hoe bepalen we de status?');
    expect(html).toContain('Ouderen met proactieve zorgplanning (ACP)');
    expect(html).toContain('≥ 80,0% (Drenthe, 2025)');
    // The plan's 9.2% sick leave, with its area and period.
    expect(html).toMatch(/9,2%\s*<span class="marke-muted">\(Drenthe, 2023\)/);
  });

  it('shows one indicator with every measurement, its source and the status reason', async () => {
    const { app } = testApp(get().db);
    const html = await (await app.request('/indicatoren/overgewicht-jongvolwassenen')).text();
    expect(html).toContain('Assen');
    expect(html).toContain('27,1%');
    expect(html).toContain('RIVM/GGD Gezondheidsmonitor Jongvolwassenen 2024');
    expect(html.indexOf('GGD Drenthe')).toBeLessThan(html.indexOf('Aa en Hunze'));
    const acp = await (await app.request('/indicatoren/acp-ouderen')).text();
    expect(acp).toContain('Onbekend');
    expect(acp).toContain('Er is nog geen meting.');
    const projection = await (await app.request('/indicatoren/personeelstekort-zorg')).text();
    expect(projection).toContain('prognose');
    expect(projection).toContain('5.000 medewerkers');
    expect((await app.request('/indicatoren/bestaat-niet')).status).toBe(404);
    expect((await app.request('/indicatoren/%00')).status).toBe(404);
  });

  it('serves the same figures as JSON and as CSV with the import columns', async () => {
    const { app } = testApp(get().db);
    const list = (await (await app.request('/api/v1/regions/drenthe/indicators')).json()) as Array<{
      code: string;
      targets: Array<{ status: string; status_reason: string }>;
    }>;
    expect(list.find((i) => i.code === 'acp-ouderen')?.targets[0]).toMatchObject({
      status: 'onbekend',
      status_reason: 'Er is nog geen meting.',
    });
    const one = (await (
      await app.request('/api/v1/regions/drenthe/indicators/roken-jongvolwassenen')
    ).json()) as { measurements: Array<{ area_code: string; value: number }> };
    expect(one.measurements.find((m) => m.area_code === 'GM0106')?.value).toBe(31.5);
    const csv = await (await app.request('/api/v1/regions/drenthe/measurements.csv')).text();
    expect(csv.split('\r\n')[0]).toBe(
      'indicator,area_code,period,value,numerator,denominator,sample_size,ci_low,ci_high,source,note,is_projection,is_demo',
    );
    expect(csv).toContain('roken-jongvolwassenen,GM0106,2024,31.5,');
    expect(csv).toContain('personeelstekort-zorg,PV22,2032,5000,,,,,,');
    expect(csv).toMatch(/personeelstekort-zorg,PV22,2032,5000,[^\r]*,ja,nee\r\n/);
    expect((await app.request('/api/v1/regions/drenthe/indicators/bestaat-niet')).status).toBe(404);
  });
});
